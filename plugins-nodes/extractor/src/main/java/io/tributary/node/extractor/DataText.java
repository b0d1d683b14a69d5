package io.tributary.node.extractor;

import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON and YAML files as Dify renders them: parsed, then written back pretty (JSON indented by two spaces,
 * {@code "key": value}; YAML in block style, keys in file order, Unicode kept). Invalid input fails the file.
 */
final class DataText {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DefaultPrettyPrinter PRETTY;

    static {
        DefaultIndenter indent = new DefaultIndenter("  ", "\n");
        PRETTY = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(indent);
        PRETTY.indentArraysWith(indent);
    }

    private DataText() {
    }

    static String json(byte[] bytes) throws ExtractionException {
        try {
            JsonNode tree = JSON.readTree(PlainText.decode(bytes));
            return tree == null ? "" : JSON.writer(PRETTY).writeValueAsString(tree);
        } catch (JacksonException e) {
            throw new ExtractionException("Failed to parse JSON file: " + e.getOriginalMessage(), e);
        }
    }

    static String yaml(byte[] bytes, long maxChars) throws ExtractionException {
        LoaderOptions load = new LoaderOptions();
        load.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, Math.max(maxChars, bytes.length)));
        load.setAllowDuplicateKeys(true);
        DumperOptions dump = new DumperOptions();
        dump.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        dump.setAllowUnicode(true);
        dump.setWidth(Integer.MAX_VALUE);
        Yaml yaml = new Yaml(new SafeConstructor(load), new Representer(dump), dump, load);
        try {
            List<Object> documents = new ArrayList<>();
            for (Object d : yaml.loadAll(PlainText.decode(bytes))) {
                documents.add(d);
            }
            if (documents.isEmpty()) {
                return "";
            }
            return documents.size() == 1 ? yaml.dump(documents.get(0)) : yaml.dumpAll(documents.iterator());
        } catch (YAMLException e) {
            throw new ExtractionException("Failed to parse YAML file: " + e.getMessage(), e);
        }
    }
}
