import '@xyflow/react/dist/style.css';
import './topology.css';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ReactFlowProvider, useReactFlow, type Edge, type Node } from '@xyflow/react';
import { topologyQuery } from './queries';
import { Panes } from '../../shell/Panes';
import { Empty, ErrorState, Loading } from '../../components/states';
import { drawing, listId, neighbour, type Direction, type Drawing, type Point } from './model';
import { layout, type Laid } from './layout';
import { TopologyContext, type TopologyUi } from './nodes';
import {
  topologySearchQuery,
  type TopologyData,
  type TopologyFinding,
  type TopologyMatch,
  type TopologyServer,
} from './queries';
import { TopologyToolbar } from './TopologyToolbar';
import { Findings } from './Findings';
import { TopologyTable } from './TopologyTable';
import { computerName, flowEdges, flowNodes } from './flow-elements';
import { NodeMenu, type MenuState } from './NodeMenu';
import { computerFound, serverFound } from './found';
import { boundsOf, centresOf, FoundStatus, TopologyDiagram } from './TopologyDiagram';
import { mergeClasses } from '@fluentui/react-components';
import { usePageStyles } from './page-styles';

/**
 * Protection topology (seeds 001, 004): the estate's DPM servers and who protects whom, laid
 * out by ELK, with each server's computers counted and opened on demand; a search that finds a
 * server or a computer and centres it; the findings marked on the nodes and listed beside the
 * drawing; and the seed's table under it.
 */
export function TopologyPage() {
  const topology = useQuery(topologyQuery());
  if (topology.isPending) return <Panes display={<Loading label="Analysing the estate…" />} />;
  if (topology.isError) return <Panes display={<ErrorState error={topology.error} />} />;
  return (
    <ReactFlowProvider>
      <Topology t={topology.data} />
    </ReactFlowProvider>
  );
}

function Topology({ t }: { t: TopologyData }) {
  const styles = usePageStyles();
  const flow = useReactFlow();
  const client = useQueryClient();
  const wrapRef = useRef<HTMLDivElement>(null);

  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [listSearch, setListSearch] = useState<ReadonlyMap<string, string>>(new Map());
  const [highlight, setHighlight] = useState<string | null>(null);
  const [current, setCurrent] = useState<string | null>(t.servers[0]?.serverId ?? null);
  const [menu, setMenu] = useState<MenuState | null>(null);
  const [pendingCenter, setPendingCenter] = useState<string | null>(null);
  const [laid, setLaid] = useState<Laid | null>(null);
  const [fitPending, setFitPending] = useState(true);
  const [found, setFound] = useState('');

  const model: Drawing<TopologyServer> = useMemo(() => drawing(t, expanded), [t, expanded]);
  const structure = useMemo(
    () => `${model.nodes.map((n) => `${n.id}:${n.width}x${n.height}`).join()}|${model.edges.map((e) => e.id).join()}`,
    [model],
  );
  const modelRef = useRef(model);
  modelRef.current = model;

  // Laid out again only when the drawing's shape changes, not on every refetch of the same estate.
  useEffect(() => {
    let live = true;
    const box = wrapRef.current?.getBoundingClientRect();
    const { nodes, edges } = modelRef.current;
    void layout(nodes, edges, box && box.height > 0 ? box.width / box.height : 1.5).then((result) => {
      if (live) setLaid(result);
    });
    return () => {
      live = false;
    };
  }, [structure]);

  const positions = useMemo(() => laid?.positions ?? new Map<string, Point>(), [laid]);
  const routes = laid?.routes;
  const centres = useMemo(() => centresOf(model.nodes, positions), [model, positions]);
  const findingsByServer = useMemo(() => {
    const m = new Map<string, TopologyFinding[]>();
    for (const f of t.findings) for (const id of new Set(f.serverIds)) m.set(id, [...(m.get(id) ?? []), f]);
    return m;
  }, [t.findings]);
  const serverById = useMemo(() => new Map(t.servers.map((s) => [s.serverId, s])), [t.servers]);
  const nameOf = useCallback((id: string) => serverById.get(id)?.name ?? id, [serverById]);

  const nodes: Node[] = useMemo(() => flowNodes(model, positions), [model, positions]);
  const edges: Edge[] = useMemo(
    () => flowEdges(model, positions, routes, (id) => (serverById.has(id) ? nameOf(id) : computerName(model, id))),
    [model, positions, routes, nameOf, serverById],
  );

  const element = useCallback(
    (id: string) => wrapRef.current?.querySelector<HTMLElement>(`[data-node-id="${CSS.escape(id)}"]`) ?? null,
    [],
  );

  // Fit to view from the layout itself (every node's place and size are known): no waiting for
  // the drawing to measure its nodes.
  const fit = useCallback(() => {
    const bounds = boundsOf(model.nodes, positions);
    if (bounds) void flow.fitBounds(bounds, { padding: 0.04 });
  }, [model, positions, flow]);

  useEffect(() => {
    if (!fitPending || !laid) return;
    fit();
    setFitPending(false);
  }, [fitPending, laid, fit]);

  const focusNode = useCallback(
    (id: string, center: boolean) => {
      const n = model.nodes.find((x) => x.id === id);
      const p = positions.get(id);
      if (!n || !p) return;
      setCurrent(id);
      const box = wrapRef.current?.getBoundingClientRect();
      const el = element(id);
      const rect = el?.getBoundingClientRect();
      const outside =
        !box ||
        !rect ||
        rect.left < box.left ||
        rect.right > box.right ||
        rect.top < box.top ||
        rect.bottom > box.bottom;
      if (center || outside)
        void flow.setCenter(p.x + n.width / 2, p.y + n.height / 2, {
          zoom: center ? Math.max(flow.getZoom(), 0.9) : flow.getZoom(),
        });
      el?.focus({ preventScroll: true });
    },
    [model, positions, element, flow],
  );

  // A node the search (or a finding) asked for: centred and focused once it is laid out.
  useEffect(() => {
    if (pendingCenter === null || !positions.has(pendingCenter)) return;
    // After the drawing has rendered the node, so that it can take the focus.
    const frame = requestAnimationFrame(() => {
      focusNode(pendingCenter, true);
      setPendingCenter(null);
    });
    return () => cancelAnimationFrame(frame);
  }, [pendingCenter, positions, focusNode]);

  const toggle = useCallback((serverId: string, open: boolean) => {
    setExpanded((prev) => {
      const next = new Set(prev);
      if (open) next.add(serverId);
      else next.delete(serverId);
      return next;
    });
    setCurrent(open ? listId(serverId) : serverId);
    setPendingCenter(open ? listId(serverId) : serverId);
  }, []);

  // The node Tab enters the drawing at: the current one, or the first when it has gone.
  const tabbable = model.nodes.some((n) => n.id === current) ? current : (model.nodes[0]?.id ?? null);
  const ui: TopologyUi = useMemo(
    () => ({
      current: tabbable,
      findingsOf: (id) => findingsByServer.get(id) ?? [],
      protectorsOf: (computerId) => model.edges.filter((e) => e.target === computerId).map((e) => nameOf(e.source)),
      onFocus: (id) => setCurrent(id),
      onKeyDown: (id: string, e: KeyboardEvent<HTMLElement>) => {
        if (['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) {
          e.preventDefault();
          const next = neighbour(model.edges, centres, id, e.key as Direction);
          if (next) focusNode(next, false);
        } else if (e.key === 'Enter' || e.key === ' ' || e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
          e.preventDefault();
          if (!id.startsWith('computers:')) setMenu({ id, target: e.currentTarget });
        }
      },
      openMenu: (id, target) => {
        setCurrent(id);
        if (target instanceof HTMLElement) setMenu({ id, target });
        else {
          const { x, y } = target;
          setMenu({
            id,
            target: {
              getBoundingClientRect: () =>
                ({ x, y, top: y, left: x, bottom: y, right: x, width: 0, height: 0 }) as DOMRect,
            },
          });
        }
      },
      listSearch,
      highlight,
      setListSearch: (serverId, search) => setListSearch((prev) => new Map(prev).set(serverId, search)),
    }),
    [tabbable, findingsByServer, model, nameOf, centres, focusNode, listSearch, highlight],
  );

  const go = useCallback(
    (m: TopologyMatch) => {
      if (m.kind === 'server') {
        setHighlight(null);
        setFound(serverFound(m));
        setPendingCenter(m.id);
        return;
      }
      const by = m.protectedBy.find((p) => p.how === 'primary') ?? m.protectedBy[0];
      if (!by) {
        setFound(`${m.name} is protected by no DPM server.`);
        return;
      }
      setFound(computerFound(m));
      setHighlight(m.id);
      if (model.inline.has(by.serverId)) {
        setPendingCenter(m.id);
        return;
      }
      setListSearch((prev) => new Map(prev).set(by.serverId, m.name));
      setExpanded((prev) => new Set(prev).add(by.serverId));
      setPendingCenter(listId(by.serverId));
    },
    [model.inline],
  );

  const menuServer = menu ? serverById.get(menu.id) : undefined;
  const closeMenu = () => {
    const id = menu?.id;
    setMenu(null);
    if (id) requestAnimationFrame(() => element(id)?.focus({ preventScroll: true }));
  };

  return (
    <Panes
      display={
        <div className={styles.page}>
          <TopologyToolbar
            t={t}
            onGo={go}
            onMissing={(q) => setFound(`No DPM server or computer is named like “${q}”.`)}
            prefetch={(q) => client.fetchQuery(topologySearchQuery(q))}
            onFit={fit}
          />
          <FoundStatus text={found} />
          <div className={styles.view}>
            <div
              ref={wrapRef}
              role="region"
              aria-label="Protection topology diagram"
              className={mergeClasses('topology-flow', styles.diagram)}
            >
              {t.servers.length === 0 ? (
                <Empty>This estate has no DPM servers.</Empty>
              ) : (
                <TopologyContext.Provider value={ui}>
                  {!laid && (
                    <div className={styles.laying}>
                      <Loading label="Laying out the topology…" />
                    </div>
                  )}
                  <TopologyDiagram nodes={nodes} edges={edges} wrapRef={wrapRef} />
                </TopologyContext.Provider>
              )}
            </div>
            <Findings findings={t.findings} nameOf={nameOf} show={(id) => setPendingCenter(id)} />
          </div>
          {menu && (
            <NodeMenu
              menu={menu}
              server={menuServer}
              model={model}
              expanded={expanded}
              nameOf={nameOf}
              onToggle={toggle}
              onClose={closeMenu}
            />
          )}
          <TopologyTable t={t} />
          {t.cycles.length > 0 && (
            <p className={styles.cycles}>Cyclic protection: {t.cycles.map((c) => c.join(' ⇄ ')).join('; ')}</p>
          )}
        </div>
      }
    />
  );
}
