package io.tributary.engine.impl.variables;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.impl.UnknownSerializer;
import com.fasterxml.jackson.databind.ser.std.BeanSerializerBase;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import io.tributary.api.model.JsonValues;

/**
 * JSON text for the engine, on the framework's shared Jackson (imported from the jackson-core and
 * jackson-databind bundles, never embedded): reading the few JSON strings the engine meets (Dify
 * {@code default_value} entries typed {@code object}/{@code array[...]}), and writing values as Dify renders
 * them in templates and answers (Python's {@code json.dumps(ensure_ascii=False)}: {@code ", "} and
 * {@code ": "} separators, non-ASCII kept, control characters as lowercase {@code \\u001f}, floats with a
 * fraction, {@code 1.0}).
 *
 * <p>Read values are JSON-shaped and frozen ({@link JsonValues#freezeValue}): maps keep key order, integers
 * are {@code Long} (or {@code BigInteger} beyond), fractions {@code Double}. Jackson's read limits (number
 * length, nesting depth, string length) apply. Anything that is not JSON-shaped is written as its
 * {@code toString()}, as a string.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .addModule(new SimpleModule("dify-json")
                    .addSerializer(Double.class, new PythonFloat())
                    .addSerializer(double.class, new PythonFloat())
                    .addSerializer(Float.class, new PythonFloat())
                    .setSerializerModifier(new ToStringForOtherTypes()))
            .build();
    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEntrySpacing(Separators.Spacing.AFTER)
                    .withArrayValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
                    .withObjectIndenter(new DefaultPrettyPrinter.NopIndenter())
                    .withArrayIndenter(new DefaultPrettyPrinter.NopIndenter()))
            .with(new LowercaseControlEscapes())
            .with(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private Json() {
    }

    /**
     * The value of a JSON text, frozen.
     *
     * @throws IllegalArgumentException with Jackson's one-line reason (and position) when the text is not JSON
     */
    public static Object parse(String text) {
        try {
            return JsonValues.freezeValue(MAPPER.readValue(text, Object.class));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (at character " + (e.getLocation().getCharOffset() + 1) + ")";
            throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage() + where, e);
        }
    }

    /** The value as template text: strings as they are, {@code null} as empty, everything else as JSON. */
    public static String text(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof String s ? s : json(value);
    }

    /** The value as JSON text. */
    public static String json(Object value) {
        try {
            return WRITER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Python's float text: {@code 1.0}, {@code 0.5}, {@code NaN}; Java's beyond 1e16. */
    private static final class PythonFloat extends StdSerializer<Number> {
        private static final long serialVersionUID = 1L;

        PythonFloat() {
            super(Number.class);
        }

        @Override
        public void serialize(Number value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            double d = value.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                gen.writeNumber(Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
            } else if (d == Math.rint(d) && Math.abs(d) < 1e16) {
                gen.writeNumber((long) d + ".0");
            } else {
                gen.writeNumber(Double.toString(d));
            }
        }
    }

    /** A record, bean or other object that is not JSON-shaped is written as its text, as before Jackson. */
    private static final class ToStringForOtherTypes extends BeanSerializerModifier {
        private static final long serialVersionUID = 1L;

        @Override
        public JsonSerializer<?> modifySerializer(SerializationConfig config, BeanDescription desc,
                                                  JsonSerializer<?> serializer) {
            return serializer instanceof BeanSerializerBase || serializer instanceof UnknownSerializer
                    ? ToStringSerializer.instance : serializer;
        }
    }

    /** Control characters without a short escape as {@code \\u00XX} in lowercase, as Python writes them. */
    private static final class LowercaseControlEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private static final List<Character> SHORT = List.of('\b', '\t', '\n', '\f', '\r');
        private final int[] escapes = CharacterEscapes.standardAsciiEscapesForJSON();

        LowercaseControlEscapes() {
            for (int c = 0; c < 0x20; c++) {
                if (!SHORT.contains((char) c)) {
                    escapes[c] = CharacterEscapes.ESCAPE_CUSTOM;
                }
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch < 0x20 ? new SerializedString(String.format("\\u%04x", ch)) : null; // the rest as it is
        }
    }
}
