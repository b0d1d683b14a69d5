package io.tributary.engine.dsl;

import java.io.StringReader;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * SnakeYAML's reader over a text held whole in memory, in linear time and memory.
 *
 * <p>Why: {@link StreamReader} reads 1024 characters at a time and, each time, copies its whole window of
 * unread code points into a new array. Scanning a scalar keeps the window open from the scalar's start, so a
 * scalar of n characters costs n²/1024 copied code points and as much garbage (a 4 MB scalar: seconds of CPU
 * and gigabytes of heap). The document is already one {@code String} here, so its code points are decoded
 * once into one array and every read is an index into it; marks share that array.
 *
 * <p>Also refuses, while scanning, a run of more than {@code maxRun} characters without a break (the start of
 * a scalar over the limit), before SnakeYAML copies it into a string; {@link YamlReader} checks the whole
 * scalar once composed.
 */
final class TextReader extends StreamReader {
    private static final String NAME = "'string'";

    private final int[] text;
    private final int maxRun;
    private int pointer;
    private int index;
    private int documentIndex;
    private int line;
    private int column;

    TextReader(String yaml, int maxRun) {
        super(new StringReader(""));
        this.text = yaml.codePoints().toArray();
        this.maxRun = maxRun;
        for (int i = 0; i < text.length; i++) {
            if (!isPrintable(text[i])) {
                throw new ReaderException(NAME, i, text[i], "special characters are not allowed");
            }
        }
    }

    @Override
    public Mark getMark() {
        return new Mark(NAME, index, line, column, text, pointer);
    }

    @Override
    public void forward() {
        forward(1);
    }

    @Override
    public void forward(int length) {
        for (int i = 0; i < length && pointer < text.length; i++) {
            int c = text[pointer++];
            index++;
            documentIndex++;
            if (c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029'
                    || c == '\r' && pointer < text.length && text[pointer] != '\n') {
                line++;
                column = 0;
            } else if (c != 0xFEFF) {
                column++;
            }
        }
    }

    @Override
    public int peek() {
        return pointer < text.length ? text[pointer] : '\0';
    }

    @Override
    public int peek(int offset) {
        if (offset > maxRun) {
            throw new YAMLException("a scalar is longer than " + maxRun + " characters, the limit");
        }
        int at = pointer + offset;
        return at < text.length ? text[at] : '\0';
    }

    @Override
    public String prefix(int length) {
        if (length > maxRun) {
            throw new YAMLException("a scalar is longer than " + maxRun + " characters, the limit");
        }
        return new String(text, pointer, Math.min(length, text.length - pointer));
    }

    @Override
    public String prefixForward(int length) {
        String prefix = prefix(length);
        pointer += length;
        index += length;
        documentIndex += length;
        column += length; // a prefix never holds a line break
        return prefix;
    }

    @Override
    public int getColumn() {
        return column;
    }

    @Override
    public int getIndex() {
        return index;
    }

    @Override
    public int getDocumentIndex() {
        return documentIndex;
    }

    @Override
    public void resetDocumentIndex() {
        documentIndex = 0;
    }

    @Override
    public int getLine() {
        return line;
    }
}
