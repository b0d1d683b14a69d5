package io.tributary.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tributary.api.model.Graph;
import io.tributary.api.model.GraphNode;
import io.tributary.api.model.NumberText;
import io.tributary.api.app.StartForm;
import io.tributary.api.error.ServiceException;

/** The one start-form rule of the API: what the app service checks before a run. */
class StartFormTest {
    private final StartForm form = StartForm.of(new Graph(List.of(new GraphNode("start", "start", null, "Start",
            Map.of("variables", List.of(
                    Map.of("variable", "name", "label", "Name", "type", "text-input", "required", true, "max_length", 5),
                    Map.of("variable", "tone", "type", "select", "options", List.of("warm", "cold")),
                    Map.of("variable", "n", "type", "number"),
                    Map.of("variable", "ok", "type", "checkbox"),
                    Map.of("variable", "doc", "type", "json_object"))))), List.of()));

    private String fails(Map<String, Object> inputs) {
        ServiceException e = assertThrows(ServiceException.class, () -> form.check(inputs));
        assertEquals(ServiceException.Reason.INVALID, e.reason());
        assertEquals("invalid_param", e.code());
        return e.getMessage();
    }

    @Test
    void readsTheStartNodesFields() {
        assertEquals(List.of("name", "tone", "n", "ok", "doc"),
                form.fields().stream().map(StartForm.Field::variable).toList());
        assertEquals("Name", form.fields().get(0).label());
        assertEquals("tone", form.fields().get(1).label(), "label defaults to the variable");
        assertEquals(5L, form.fields().get(0).maxLength());
    }

    @Test
    void validInputsPassWithUndeclaredOnesKept() {
        Map<String, Object> in = Map.of("name", "Ada", "tone", "warm", "n", "4.5", "ok", true, "doc", Map.of(),
                "extra", 1);
        form.check(in);
        Map<String, Object> applied = form.apply(in);
        assertEquals(4.5, applied.get("n"), "a number text becomes a number");
        assertEquals(List.of("name", "tone", "n", "ok", "doc"), List.copyOf(applied.keySet()), "declared only");
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
        form.check(Map.of("name", "😀😀😀😀😀"));
    }

    @Test
    void aGraphWithoutStartHasAnEmptyForm() {
        assertEquals(List.of(), StartForm.of(new Graph(List.of(), List.of())).fields());
    }

    @Test
    void aMillionDigitNumberIsRefusedAtOnce() {
        String digits = "7".repeat(1_000_000);
        // would take tens of seconds of CPU if parsed (BigDecimal of a million digits is quadratic)
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), () -> {
            assertEquals("n in input form must be a valid number", fails(Map.of("name", "A", "n", digits)));
            assertEquals("n in input form must be a valid number", fails(Map.of("name", "A", "n", "1e999")));
        });
        assertEquals(12L, form.apply(Map.of("name", "A", "n", " 12 ")).get("n"));
        assertEquals(-0.5, form.apply(Map.of("name", "A", "n", "-5e-1")).get("n"));
    }

    @Test
    void numberTextIsBoundedInLengthAndMagnitude() {
        assertTrue(NumberText.isNumber("1" + "0".repeat(99)));
        assertFalse(NumberText.isNumber("1" + "0".repeat(100)), "over the length cap");
        assertFalse(NumberText.isNumber("1e308"), "over the magnitude cap");
        assertTrue(NumberText.isNumber("1.5e307"));
        assertTrue(NumberText.isNumber("1e-999"), "tiny numbers are fine");
        for (String bad : List.of("", "-", ".", "1e", "1e1000", "0x10", "1_000", "NaN", "Infinity", "١٢")) {
            assertFalse(NumberText.isNumber(bad), bad);
        }
    }
}
