package io.tributary.node.flow;

import java.util.List;
import java.util.Map;

import io.tributary.api.app.StartForm;
import io.tributary.api.node.NodeExecutionException;

/**
 * Checks and normalizes the inputs a run was started with against the {@code start} node's declared variables, by
 * the one input-form rule of the API ({@link StartForm}): required, type, {@code max_length}, {@code options}.
 * Numbers given as text become numbers; a missing optional input gets its {@code default} or {@code null}. A
 * refused input fails the node with {@code InvalidInputError}, naming the node and the field.
 */
final class StartInputs {
    private final String nodeId;
    private final StartForm form;

    StartInputs(String nodeId, List<StartForm.Field> declarations) {
        this.nodeId = nodeId;
        this.form = new StartForm(declarations);
    }

    /**
     * The validated values of every declared variable, in declaration order.
     *
     * @throws NodeExecutionException naming the first invalid field
     */
    Map<String, Object> apply(Map<String, Object> inputs) throws NodeExecutionException {
        try {
            return form.apply(inputs);
        } catch (StartForm.InvalidInput e) {
            throw new NodeExecutionException("node '" + nodeId + "': input '" + e.field() + "': " + e.getMessage(),
                    "InvalidInputError", null);
        }
    }
}
