package io.tributary.engine.dsl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.comments.CommentLine;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.resolver.Resolver;

import io.tributary.api.dsl.DslImporter;

/**
 * Reads one YAML document into JSON-shaped values ({@code LinkedHashMap} with string keys, {@code ArrayList},
 * {@code String}, {@code Number}, {@code Boolean}, {@code null}), with limits against hostile input.
 *
 * <p>YAML 1.1 as PyYAML (which writes Dify's exports) reads it, except that timestamps stay strings: graph
 * data is JSON, and a date object would not survive the trip. Only SnakeYAML's safe constructor is used:
 * a language-specific tag ({@code !!python/object}, {@code !!java...}) is an error.
 *
 * <p>Why an expansion budget besides the alias limit: SnakeYAML shares one object per anchor, so 24 levels of
 * {@code [*prev, *prev]} (48 aliases) build quickly, but copying that into the immutable graph model would
 * create 2^24 values. The copy here counts every value it creates and stops at {@link #MAX_VALUES}; it also
 * stops at a collection that contains itself ({@code a: &a [*a]}, which SnakeYAML builds as a recursive
 * list) and at {@link #MAX_EXPANDED_DEPTH} levels once aliases are expanded, so it never overflows the stack.
 *
 * <p>Time and memory are linear in the document: {@link TextReader} replaces SnakeYAML's windowed reader
 * (quadratic on long scalars), and a scalar over {@link DslImporter#MAX_SCALAR_LENGTH} characters is refused.
 */
final class YamlReader {
    /** Aliases to collections allowed per document (SnakeYAML's default; PyYAML writes few, if any). */
    static final int MAX_ALIASES = 50;
    /** Nesting depth of collections. Dify data with JSON schemas nests 20 to 30 levels at most. */
    static final int MAX_DEPTH = 100;
    /** Values allowed once aliases are expanded; real exports have some ten thousand. */
    static final int MAX_VALUES = 1_000_000;
    /** Nesting depth once aliases are expanded (an alias may nest a deep anchor inside a deep collection). */
    static final int MAX_EXPANDED_DEPTH = 1_000;

    /** Thrown with a one-sentence message for the problem list; never quotes the document's content. */
    static final class YamlProblem extends Exception {
        private static final long serialVersionUID = 1L;

        YamlProblem(String message) {
            super(message);
        }
    }

    private YamlReader() {
    }

    /** Reads the document; the result is a map, list, scalar or {@code null} (for a document of comments). */
    static Object read(String yaml) throws YamlProblem {
        long bytes = utf8Length(yaml);
        if (bytes > DslImporter.MAX_SIZE) {
            throw new YamlProblem("the document is " + bytes + " bytes; at most " + DslImporter.MAX_SIZE
                    + " (10 MiB) are accepted");
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(DslImporter.MAX_SIZE);
        Object raw;
        try {
            Composer composer = new ScalarLimit(new ParserImpl(new TextReader(yaml, DslImporter.MAX_SCALAR_LENGTH),
                    options), options);
            SafeConstructor constructor = new SafeConstructor(options);
            constructor.setComposer(composer);
            raw = constructor.getSingleData(Object.class);
        } catch (MarkedYAMLException e) {
            throw new YamlProblem("not valid YAML: " + describe(e));
        } catch (ReaderException e) {
            throw new YamlProblem("not valid YAML: special characters are not allowed (code point 0x"
                    + Integer.toHexString(e.getCodePoint()) + " at character " + (e.getPosition() + 1) + ")");
        } catch (YAMLException e) {
            throw new YamlProblem("not valid YAML: " + e.getMessage());
        }
        return new Copier().copy(raw);
    }

    /** Exact UTF-8 length without encoding the string. */
    static long utf8Length(String s) {
        if (s.length() > DslImporter.MAX_SIZE) {
            return s.length() * 1L; // at least one byte per char: already too large, skip the count
        }
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /**
     * Problem and position only: SnakeYAML's full message quotes the offending line, which may hold a secret
     * environment value.
     */
    private static String describe(MarkedYAMLException e) {
        StringBuilder sb = new StringBuilder();
        if (e.getContext() != null) {
            sb.append(e.getContext()).append(", ");
        }
        sb.append(e.getProblem() == null ? "syntax error" : e.getProblem());
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        if (mark != null) {
            sb.append(" (line ").append(mark.getLine() + 1).append(", column ").append(mark.getColumn() + 1)
                    .append(')');
        }
        return sb.toString();
    }

    /** Refuses a scalar longer than {@link DslImporter#MAX_SCALAR_LENGTH}, saying where it starts. */
    private static final class ScalarLimit extends Composer {
        ScalarLimit(Parser parser, LoaderOptions options) {
            super(parser, new NoTimestamps(), options);
        }

        @Override
        protected Node composeScalarNode(String anchor, List<CommentLine> blockComments) {
            Node node = super.composeScalarNode(anchor, blockComments);
            if (node instanceof ScalarNode s && s.getValue().length() > DslImporter.MAX_SCALAR_LENGTH) {
                throw new YAMLException("the scalar at line " + (node.getStartMark().getLine() + 1) + " is "
                        + s.getValue().length() + " characters long; at most " + DslImporter.MAX_SCALAR_LENGTH
                        + " are accepted");
            }
            return node;
        }
    }

    /** YAML 1.1 implicit types without {@code !!timestamp}. */
    private static final class NoTimestamps extends Resolver {
        @Override
        public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
            if (!Tag.TIMESTAMP.equals(tag)) {
                super.addImplicitResolver(tag, regexp, first, limit);
            }
        }
    }

    /**
     * Deep copy into JSON-shaped values, counting what it creates, and refusing a collection that contains
     * itself (the collections on the current path are kept by identity) or nests too deep.
     */
    private static final class Copier {
        private final Map<Object, Boolean> path = new IdentityHashMap<>();
        private int values;

        Object copy(Object o) throws YamlProblem {
            if (++values > MAX_VALUES) {
                throw new YamlProblem("the document holds more than " + MAX_VALUES
                        + " values once YAML aliases are expanded");
            }
            if (o == null || o instanceof String || o instanceof Boolean || o instanceof Number) {
                return o;
            }
            if (o instanceof Map<?, ?> || o instanceof Collection<?>) {
                if (path.put(o, Boolean.TRUE) != null) {
                    throw new YamlProblem("not valid YAML: an alias refers to a collection that contains the alias "
                            + "(a recursive structure)");
                }
                if (path.size() > MAX_EXPANDED_DEPTH) {
                    throw new YamlProblem("the document nests more than " + MAX_EXPANDED_DEPTH
                            + " levels deep once YAML aliases are expanded");
                }
                try {
                    return o instanceof Map<?, ?> m ? copyMap(m) : copyList((Collection<?>) o);
                } finally {
                    path.remove(o);
                }
            }
            if (o instanceof byte[] b) { // !!binary
                return Base64.getEncoder().encodeToString(b);
            }
            if (o instanceof Date d) { // explicit !!timestamp
                return d.toInstant().toString();
            }
            if (o instanceof Object[] pair) { // an entry of !!pairs
                return copy(Arrays.asList(pair));
            }
            return String.valueOf(o);
        }

        private Map<String, Object> copyMap(Map<?, ?> m) throws YamlProblem {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                copy.put(String.valueOf(e.getKey()), copy(e.getValue()));
            }
            return copy;
        }

        private List<Object> copyList(Collection<?> c) throws YamlProblem { // lists, and !!set
            List<Object> copy = new ArrayList<>(c.size());
            for (Object item : c) {
                copy.add(copy(item));
            }
            return copy;
        }
    }
}
