package io.tributary.engine.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class YamlReaderTest {

    @Test
    void countsUtf8Bytes() {
        assertEquals(0, YamlReader.utf8Length(""));
        assertEquals(1 + 2 + 3 + 4, YamlReader.utf8Length("aé€𝄞"));
    }

    @Test
    void languageTagsAreRejected() {
        YamlReader.YamlProblem p = assertThrows(YamlReader.YamlProblem.class,
                () -> YamlReader.read("x: !!python/object/apply:os.system [\"rm -rf /\"]\n"));
        assertTrue(p.getMessage().startsWith("not valid YAML: "), p.getMessage());
        assertThrows(YamlReader.YamlProblem.class, () -> YamlReader.read("x: !!java.io.File [/tmp]\n"));
    }

    @Test
    void nestingIsBounded() {
        String deep = "[".repeat(YamlReader.MAX_DEPTH + 5) + "]".repeat(YamlReader.MAX_DEPTH + 5);
        YamlReader.YamlProblem p = assertThrows(YamlReader.YamlProblem.class, () -> YamlReader.read(deep));
        assertTrue(p.getMessage().contains("Nesting Depth"), p.getMessage());
    }

    @Test
    void valuesBecomeJsonShaped() throws Exception {
        Object tree = YamlReader.read("""
                1: one
                set: !!set {a, b}
                bin: !!binary aGk=
                when: !!timestamp 2024-05-01T10:00:00Z
                shared: &s {k: v}
                again: *s
                merged: {<<: *s, extra: 1}
                """);
        assertEquals(Map.of("1", "one", "set", List.of("a", "b"), "bin", "aGk=", "when", "2024-05-01T10:00:00Z",
                "shared", Map.of("k", "v"), "again", Map.of("k", "v"), "merged", Map.of("k", "v", "extra", 1)), tree);
    }
}
