package io.tributary.http.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tributary.api.model.Graph;
import io.tributary.api.model.GraphNode;
import io.tributary.http.ApiException;

class InputFormTest {
    private final InputForm form = InputForm.of(new Graph(List.of(new GraphNode("start", "start", null, "Start",
            Map.of("variables", List.of(
                    Map.of("variable", "name", "label", "Name", "type", "text-input", "required", true, "max_length", 5),
                    Map.of("variable", "tone", "type", "select", "options", List.of("warm", "cold")),
                    Map.of("variable", "n", "type", "number"),
                    Map.of("variable", "ok", "type", "checkbox"),
                    Map.of("variable", "doc", "type", "json_object"))))), List.of()));

    private String fails(Map<String, Object> inputs) {
        ApiException e = assertThrows(ApiException.class, () -> form.validate(inputs));
        assertEquals(400, e.status());
        assertEquals("invalid_param", e.code());
        return e.getMessage();
    }

    @Test
    void readsTheStartNodesFields() {
        assertEquals(List.of("name", "tone", "n", "ok", "doc"),
                form.fields().stream().map(InputForm.Field::variable).toList());
        assertEquals("Name", form.fields().get(0).label());
        assertEquals("tone", form.fields().get(1).label(), "label defaults to the variable");
        assertEquals(5L, form.fields().get(0).maxLength());
    }

    @Test
    void validInputsPassWithUndeclaredOnesKept() {
        Map<String, Object> in = Map.of("name", "Ada", "tone", "warm", "n", "4.5", "ok", true, "doc", Map.of(),
                "extra", 1);
        assertEquals(in, form.validate(in));
    }

    @Test
    void everyRuleNamesTheField() {
        assertEquals("name is required in input form", fails(Map.of()));
        assertEquals("name is required in input form", fails(Map.of("name", "")));
        assertEquals("name in input form must be less than 5 characters", fails(Map.of("name", "abcdef")));
        assertEquals("name in input form must be a string", fails(Map.of("name", 3)));
        assertEquals("tone in input form must be one of the following: [warm, cold]",
                fails(Map.of("name", "A", "tone", "hot")));
        assertEquals("n in input form must be a valid number", fails(Map.of("name", "A", "n", "x")));
        assertEquals("ok in input form must be a boolean", fails(Map.of("name", "A", "ok", "yes")));
        assertEquals("doc in input form must be an object", fails(Map.of("name", "A", "doc", List.of())));
    }

    @Test
    void maxLengthCountsCharactersNotUtf16Units() {
        form.validate(Map.of("name", "😀😀😀😀😀"));
    }

    @Test
    void aGraphWithoutStartHasAnEmptyForm() {
        assertEquals(List.of(), InputForm.of(new Graph(List.of(), List.of())).fields());
    }
}
