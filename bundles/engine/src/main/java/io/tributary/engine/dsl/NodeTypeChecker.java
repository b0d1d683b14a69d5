package io.tributary.engine.dsl;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.api.model.Problem;
import io.tributary.api.engine.NodeTypeLease;
import io.tributary.api.engine.NodeTypeNotInstalledException;
import io.tributary.api.engine.NodeTypeRegistry;
import io.tributary.api.model.Graph;
import io.tributary.api.model.GraphNode;
import io.tributary.api.node.NodeValidationException;

/**
 * Checks each node against the installed node types: its (type, tool, version) must resolve, and the resolved
 * type's {@code validate} must accept it. The lease taken to reach the node type is closed at once.
 */
final class NodeTypeChecker {
    private static final Logger LOG = LoggerFactory.getLogger(NodeTypeChecker.class);
    static final String TOOL = "tool";

    private final NodeTypeRegistry registry;

    NodeTypeChecker(NodeTypeRegistry registry) {
        this.registry = registry;
    }

    /** Every problem found, node by node in document order. Nodes without a type are skipped (reported elsewhere). */
    List<Problem> check(Graph graph) {
        List<Problem> problems = new ArrayList<>();
        for (GraphNode node : graph.nodes()) {
            if (!node.type().isBlank()) {
                check(node, problems);
            }
        }
        return problems;
    }

    private void check(GraphNode node, List<Problem> problems) {
        String tool = null;
        if (TOOL.equals(node.type())) {
            tool = toolKey(node);
            if (tool == null) {
                problems.add(Problem.ofNode(Problem.NODE_TYPE, node.id(), "data.provider_id",
                        "a tool node needs data.provider_id and data.tool_name"));
                return;
            }
        }
        try (NodeTypeLease lease = registry.acquire(node.type(), tool, node.version())) {
            lease.nodeType().validate(node);
        } catch (NodeTypeNotInstalledException e) {
            problems.add(Problem.ofNode(Problem.NODE_TYPE, node.id(), anyVersion(node.type(), tool) ? "data.version" : "data.type",
                    e.getMessage()));
        } catch (NodeValidationException e) {
            String prefix = "node '" + node.id() + "': ";
            for (String p : e.problems()) {
                problems.add(Problem.ofNode(Problem.NODE_DATA, node.id(), "data", p.startsWith(prefix) ? p.substring(prefix.length())
                        : p));
            }
        } catch (RuntimeException | LinkageError e) {
            // A bug in the plugin, not in the document: say so, keep checking the other nodes.
            LOG.warn("Node type {} failed while validating node {}", node.type(), node.id(), e);
            problems.add(Problem.ofNode(Problem.NODE_DATA, node.id(), "data", "node type '" + node.type()
                    + "' failed to validate this node: " + e));
        }
    }

    /** Whether some version of this type (and tool) is installed: then the version is what is wrong. */
    private boolean anyVersion(String type, String tool) {
        return registry.list().stream()
                .anyMatch(i -> i.type().equals(type) && java.util.Objects.equals(i.tool(), tool));
    }

    /** Dify's tool identity: {@code provider_id + "/" + tool_name}; null when either is missing. */
    static String toolKey(GraphNode node) {
        String provider = Values.nonBlank(node.data().get("provider_id"));
        String name = Values.nonBlank(node.data().get("tool_name"));
        return provider == null || name == null ? null : provider + "/" + name;
    }
}
