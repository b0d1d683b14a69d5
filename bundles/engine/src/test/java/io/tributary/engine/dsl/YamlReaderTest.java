package io.tributary.engine.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
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

    /**
     * Why a long scalar no longer costs quadratic time and memory: the text is decoded once and every mark
     * shares that one array (SnakeYAML's StreamReader copies its window on each 1024 characters read).
     */
    @Test
    void theTextReaderNeverCopiesTheText() {
        String yaml = "x: '" + "a".repeat(100_000) + "'\n";
        TextReader reader = new TextReader(yaml, 1_000_000);
        int[] buffer = reader.getMark().getBuffer();
        assertEquals(yaml.length(), buffer.length);
        for (int i = 0; i < 50; i++) {
            reader.peek(99_000);
            reader.forward(2_000);
            assertSame(buffer, reader.getMark().getBuffer());
        }
        assertEquals(100_000, reader.getIndex());
        assertEquals(0, reader.getLine());
        assertEquals(100_000, reader.getColumn());
    }

    @Test
    void theTextReaderCountsLinesAsSnakeYamlDoes() {
        TextReader reader = new TextReader("a\nb\r\nc\rd\u2028e", 100);
        reader.forward(11);
        assertEquals(4, reader.getLine());
        assertEquals(1, reader.getColumn());
        assertEquals('\0', reader.peek());
    }
}
