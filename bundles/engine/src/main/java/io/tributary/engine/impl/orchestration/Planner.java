package io.tributary.engine.impl.orchestration;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.api.engine.NodeTypeLease;
import io.tributary.api.engine.NodeTypeNotInstalledException;
import io.tributary.api.engine.NodeTypeRegistry;
import io.tributary.api.engine.RunRejectedException;
import io.tributary.api.model.Graph;
import io.tributary.api.model.GraphNode;
import io.tributary.api.model.Problem;
import io.tributary.api.node.ExecutionType;
import io.tributary.api.node.NodeExecutor;
import io.tributary.api.node.NodeValidationException;
import io.tributary.engine.impl.domain.CheckedGraphs;
import io.tributary.engine.impl.domain.GraphStructure;
import io.tributary.engine.impl.domain.NodeSpec;
import io.tributary.engine.impl.domain.RunPlan;
import io.tributary.engine.impl.errors.ErrorPolicy;

/**
 * Checks graphs and turns them into {@link RunPlan}s: structure ({@link GraphStructure}, checked once per graph
 * instance through {@link CheckedGraphs}), then every node resolved through the
 * registry (one lease per node, held until the run ends; the node's {@code version} is the requirement, and
 * {@code tool} nodes resolve by {@code provider_id/tool_name}), its error policy read, and its executor
 * created.
 */
public final class Planner {
    private static final Logger LOG = LoggerFactory.getLogger(Planner.class);

    private final NodeTypeRegistry registry;
    private final CheckedGraphs graphs;

    public Planner(NodeTypeRegistry registry, CheckedGraphs graphs) {
        this.registry = registry;
        this.graphs = graphs;
    }

    /** Every problem of a graph, without running it. */
    public List<Problem> validate(Graph graph) {
        GraphStructure g = graphs.structure(graph);
        List<Problem> problems = new ArrayList<>(g.problems());
        for (int i = 0; i < g.size(); i++) {
            GraphNode node = g.node(i);
            List<String> policyProblems = new ArrayList<>();
            ErrorPolicy.of(node, policyProblems);
            policyProblems.forEach(p -> problems.add(Problem.ofNode(Problem.NODE_DATA, node.id(), "data", p)));
            try (NodeTypeLease lease = acquire(node)) {
                lease.nodeType().validate(node);
                containerCheck(g, i, lease, problems);
            } catch (NodeTypeNotInstalledException e) {
                problems.add(Problem.ofNode(Problem.NODE_TYPE, node.id(), "data.type", e.getMessage()));
            } catch (NodeValidationException e) {
                e.problems().forEach(p -> problems.add(Problem.ofNode(Problem.NODE_DATA, node.id(), "data", p)));
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("Node type '{}' failed to validate node '{}'", node.type(), node.id(), e);
                problems.add(Problem.ofNode(Problem.NODE_DATA, node.id(), "data", "node type '" + node.type()
                        + "' failed to validate: " + e));
            }
        }
        return problems;
    }

    /**
     * Resolves a graph for a run, taking one lease per node.
     *
     * @throws RunRejectedException with every problem; no lease stays open then
     */
    public RunPlan plan(Graph graph, String startNodeId) throws RunRejectedException {
        GraphStructure g = graphs.structure(graph);
        if (!g.problems().isEmpty()) {
            throw new RunRejectedException(g.problems());
        }
        List<Problem> problems = new ArrayList<>();
        int start = -1;
        if (startNodeId != null && !startNodeId.isEmpty()) {
            Integer s = g.indexOf(startNodeId);
            if (s == null || g.container(s) != GraphStructure.TOP || g.in(s).length > 0) {
                problems.add(Problem.ofNode(Problem.ROOT, startNodeId, "", "start node '" + startNodeId
                        + "' is not a root of the graph"));
            } else {
                start = s;
            }
        }
        List<NodeTypeLease> leases = new ArrayList<>(g.size());
        NodeSpec[] specs = new NodeSpec[g.size()];
        for (int i = 0; i < g.size(); i++) {
            GraphNode node = g.node(i);
            List<String> policyProblems = new ArrayList<>();
            ErrorPolicy policy = ErrorPolicy.of(node, policyProblems);
            policyProblems.forEach(p -> problems.add(Problem.ofNode(Problem.NODE_DATA, node.id(), "data", p)));
            NodeTypeLease lease;
            try {
                lease = acquire(node);
            } catch (NodeTypeNotInstalledException e) {
                problems.add(Problem.ofNode(Problem.NODE_TYPE, node.id(), "data.type", e.getMessage()));
                continue;
            }
            leases.add(lease);
            try {
                ExecutionType type = lease.nodeType().executionType();
                containerCheck(g, i, lease, problems);
                NodeExecutor executor = lease.nodeType().create(node);
                if (executor == null) {
                    problems.add(Problem.ofNode(Problem.NODE_DATA, node.id(), "data", "node type '" + node.type()
                            + "' created no executor"));
                }
                int c = g.container(i);
                String containerId = c == GraphStructure.TOP ? null : g.node(c).id();
                boolean inLoop = c != GraphStructure.TOP && "loop".equals(g.node(c).type());
                specs[i] = new NodeSpec(i, node, lease.nodeType(), lease.info().version(), type, policy, executor,
                        inLoop ? null : containerId, inLoop ? containerId : null);
            } catch (NodeValidationException e) {
                e.problems().forEach(p -> problems.add(Problem.ofNode(Problem.NODE_DATA, node.id(), "data", p)));
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("Node type '{}' failed to create an executor for node '{}'", node.type(), node.id(), e);
                problems.add(Problem.ofNode(Problem.NODE_DATA, node.id(), "data", "node type '" + node.type()
                        + "' failed: " + e));
            }
        }
        RunPlan plan = new RunPlan(g, specs, leases, start);
        if (!problems.isEmpty()) {
            plan.release();
            throw new RunRejectedException(problems);
        }
        return plan;
    }

    private static void containerCheck(GraphStructure g, int i, NodeTypeLease lease, List<Problem> problems) {
        if (g.members(i).length > 0 && lease.nodeType().executionType() != ExecutionType.CONTAINER) {
            problems.add(Problem.ofNode(Problem.CONTAINER, g.node(i).id(), "data.type", "node has child nodes but its type '"
                    + g.node(i).type() + "' is not a container"));
        }
    }

    private NodeTypeLease acquire(GraphNode node) throws NodeTypeNotInstalledException {
        String tool = null;
        if ("tool".equals(node.type())) {
            Object provider = node.data().get("provider_id");
            Object name = node.data().get("tool_name");
            tool = provider == null || name == null ? null : provider + "/" + name;
        }
        return registry.acquire(node.type(), tool, node.version());
    }
}
