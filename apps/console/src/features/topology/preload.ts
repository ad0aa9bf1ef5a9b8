/**
 * The topology's code (React Flow, and ELK, whose web worker starts as the code loads) is fetched
 * when the page is first opened, and already when the pointer or the focus reaches its link: the
 * worker's first start is the longest step before the first drawing.
 */
export const loadTopologyPage = () => import('./TopologyPage');
