package io.tributary.engine.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.tributary.api.dsl.DslDocument;
import io.tributary.api.dsl.DslImportException;
import io.tributary.api.dsl.DslImporter;
import io.tributary.api.model.Problem;

/**
 * The bad-input suite of the DSL importer (issue #10 items 6 and 9): each hostile document ends in one problem
 * of code {@code yaml} or {@code document} (the HTTP layer's 400 {@code invalid_dsl}), never in an error.
 */
class HostileDslTest {
    private static final String HEAD = "app: {mode: workflow}\nworkflow:\n  graph:\n    nodes:\n"
            + "    - {id: start, data: {type: start}}\n    edges: []\n";

    private final DslImporter importer = new DslImporterImpl(FakeRegistry.flowTypes());

    private Problem only(String yaml) {
        List<Problem> p = assertThrows(DslImportException.class, () -> importer.importDsl(yaml)).problems();
        assertEquals(1, p.size(), p::toString);
        return p.get(0);
    }

    @Test
    void aScalarOverTheLimitIsRefusedNamingTheLimit() {
        String quoted = HEAD + "x: '" + "a".repeat(DslImporter.MAX_SCALAR_LENGTH + 1) + "'\n";
        Problem p = only(quoted);
        assertEquals(Problem.YAML, p.code());
        assertTrue(p.message().contains(String.valueOf(DslImporter.MAX_SCALAR_LENGTH)), p.message());
        String plain = HEAD + "x: " + "a".repeat(DslImporter.MAX_SCALAR_LENGTH + 1) + "\n";
        assertTrue(only(plain).message().contains(String.valueOf(DslImporter.MAX_SCALAR_LENGTH)));
    }

    @Test
    void aFoldedScalarOfShortLinesIsMeasuredWhole() {
        String line = "      " + "b".repeat(99) + "\n";
        String folded = HEAD + "x: |\n" + line.repeat(DslImporter.MAX_SCALAR_LENGTH / 100 + 1);
        Problem p = only(folded);
        assertEquals(Problem.YAML, p.code());
        assertTrue(p.message().startsWith("not valid YAML: the scalar at line 7 is "), p.message());
        assertTrue(p.message().endsWith("at most " + DslImporter.MAX_SCALAR_LENGTH + " are accepted"), p.message());
    }

    @Test
    void aDocumentOfLongScalarsUnderTheLimitsImports() throws Exception {
        StringBuilder yaml = new StringBuilder("app: {mode: workflow}\nworkflow:\n  features:\n");
        for (int i = 0; i < 8; i++) { // 8 MiB: the windowed reader copied terabytes for this, the text reader once
            yaml.append("    k").append(i).append(": '").append("c".repeat(DslImporter.MAX_SCALAR_LENGTH - 10))
                    .append("'\n");
        }
        yaml.append(HEAD.substring(HEAD.indexOf("  graph:")));
        DslDocument doc = importer.importDsl(yaml.toString());
        assertEquals(8, doc.features().size());
        assertEquals(DslImporter.MAX_SCALAR_LENGTH - 10, ((String) doc.features().get("k7")).length());
    }

    @Test
    void aSelfReferencingAliasIsAProblemNotAStackOverflow() {
        for (String yaml : List.of("a: &a [*a]\n", "a: &a {b: *a}\n", HEAD + "x: &x [1, [2, *x]]\n")) {
            Problem p = only(yaml);
            assertEquals(Problem.YAML, p.code());
            assertTrue(p.message().contains("recursive"), p.message());
        }
    }

    @Test
    void deepNestingIsRefused() {
        String deep = HEAD + "x: " + "[".repeat(5_000) + "]".repeat(5_000) + "\n";
        Problem p = only(deep);
        assertEquals(Problem.YAML, p.code());
        assertTrue(p.message().contains("Nesting Depth"), p.message());
    }

    @Test
    void aliasesCannotNestDeeperThanTheExpandedLimit() {
        StringBuilder yaml = new StringBuilder(HEAD).append("a0: &a0 1\n");
        for (int i = 1; i <= 20; i++) { // 20 aliases, each 90 levels deeper: 1800 levels once expanded
            yaml.append('a').append(i).append(": &a").append(i).append(' ').append("[".repeat(90)).append("*a")
                    .append(i - 1).append("]".repeat(90)).append('\n');
        }
        Problem p = only(yaml.toString());
        assertEquals("the document nests more than " + YamlReader.MAX_EXPANDED_DEPTH
                + " levels deep once YAML aliases are expanded", p.message());
    }

    @Test
    void hugeAliasFanOutIsBounded() {
        String collections = HEAD + "x: &x [1]\ny: [" + "*x, ".repeat(1_000) + "]\n";
        assertTrue(only(collections).message().contains("aliases"));
        String scalars = HEAD + "x: &x s\ny: [" + "*x, ".repeat(1_100_000) + "]\n";
        assertEquals("the document holds more than " + YamlReader.MAX_VALUES
                + " values once YAML aliases are expanded", only(scalars).message());
    }

    @Test
    void textThatWasNotUtf8IsRefused() {
        Problem nul = only(HEAD + "x: \u0000\n");
        assertEquals(Problem.YAML, nul.code());
        assertTrue(nul.message().contains("special characters are not allowed (code point 0x0"), nul.message());
        Problem lone = only(HEAD + "x: a\uD800b\n"); // half a surrogate pair: what broken UTF-16 decodes to
        assertTrue(lone.message().contains("code point 0xd800"), lone.message());
    }

    @Test
    void aTopLevelListOrScalarIsNotADocument() {
        String expected = "the document must be a YAML mapping with kind, version and workflow";
        assertEquals(expected, only("- a\n- b\n").message());
        assertEquals(expected, only("just a scalar\n").message());
        assertEquals(expected, only("42\n").message());
        assertEquals(Problem.DOCUMENT, only("42\n").code());
    }
}
