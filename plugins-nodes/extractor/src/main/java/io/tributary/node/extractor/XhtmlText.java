package io.tributary.node.extractor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Turns Tika's XHTML events into plain text: block elements end lines, tables become Markdown rows (the first
 * row is the header, as Dify renders spreadsheets and Word tables), {@code <head>} is skipped. It also enforces
 * the character limit, the PDF page limit and cancellation by throwing {@link Stop} from inside the parse.
 */
final class XhtmlText extends DefaultHandler {
    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br",
            "pre", "blockquote", "ul", "ol", "dt", "dd", "section", "article", "header", "footer", "title", "hr");

    /** Thrown from inside the parse when a limit is reached; its message is the reason. */
    static final class Stop extends SAXException {
        private static final long serialVersionUID = 1L;

        Stop(String message) {
            super(message);
        }
    }

    private final StringBuilder out = new StringBuilder();
    private final long maxChars;
    private final int maxPages;
    private final Cancel cancel;
    private int pages;
    private int headDepth;
    private int tableDepth;
    private List<List<String>> rows;
    private List<String> row;
    private StringBuilder cell;

    /** Asked now and then whether to give up (timeout). */
    interface Cancel {
        boolean cancelled();
    }

    /**
     * @param maxPages pages ({@code <div class="page">}) allowed; 0 = not counted
     */
    XhtmlText(long maxChars, int maxPages, Cancel cancel) {
        this.maxChars = maxChars;
        this.maxPages = maxPages;
        this.cancel = cancel;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        String name = localName.isEmpty() ? qName : localName;
        if (name.equals("head")) {
            headDepth++;
        }
        if (maxPages > 0 && name.equals("div") && "page".equals(atts.getValue("class")) && ++pages > maxPages) {
            throw new Stop("the document has more than " + maxPages + " pages (the limit)");
        }
        switch (name) {
            case "table" -> {
                if (tableDepth++ == 0) {
                    block();
                    rows = new ArrayList<>();
                }
            }
            case "tr" -> {
                if (tableDepth == 1) {
                    row = new ArrayList<>();
                }
            }
            case "td", "th" -> {
                if (tableDepth == 1) {
                    cell = new StringBuilder();
                }
            }
            default -> {
                if (BLOCKS.contains(name)) {
                    separate();
                }
            }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        String name = localName.isEmpty() ? qName : localName;
        if (name.equals("head")) {
            headDepth--;
        }
        switch (name) {
            case "table" -> {
                if (--tableDepth == 0) {
                    if (rows != null && !rows.isEmpty()) {
                        append(CsvText.markdown(rows));
                    }
                    rows = null;
                    block();
                }
            }
            case "tr" -> {
                if (tableDepth == 1 && row != null) {
                    if (row.stream().anyMatch(c -> !c.isBlank())) {
                        rows.add(row);
                    }
                    row = null;
                }
            }
            case "td", "th" -> {
                if (tableDepth == 1 && cell != null && row != null) {
                    row.add(cell.toString());
                    cell = null;
                }
            }
            default -> {
                if (BLOCKS.contains(name)) {
                    separate();
                }
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        if (headDepth > 0) {
            return;
        }
        if (tableDepth > 0) {
            if (cell != null) {
                cell.append(ch, start, length);
                check(cell.length());
            }
            return;
        }
        out.append(ch, start, length);
        check(0);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        if (headDepth == 0 && tableDepth == 0) {
            out.append(ch, start, length);
        }
    }

    private void append(String s) throws SAXException {
        out.append(s);
        check(0);
    }

    private void check(int pending) throws SAXException {
        if (out.length() + pending > maxChars) {
            throw new Stop("the text is longer than the limit of " + maxChars + " characters");
        }
        if (cancel.cancelled()) {
            throw new Stop("cancelled");
        }
    }

    /** Ends the current line (inside a table cell: a space). */
    private void separate() {
        if (tableDepth > 0) {
            if (cell != null) {
                cell.append(' ');
            }
        } else if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }

    /** Starts a new paragraph (a blank line). */
    private void block() {
        separate();
        if (!out.isEmpty() && !(out.length() >= 2 && out.charAt(out.length() - 2) == '\n')) {
            out.append('\n');
        }
    }

    /** The text: lines stripped of trailing blanks, at most one empty line in a row, trimmed. */
    String text() {
        StringBuilder sb = new StringBuilder(out.length());
        int blank = 0;
        for (String line : out.toString().split("\n", -1)) {
            String l = line.stripTrailing();
            if (l.isBlank()) {
                if (++blank > 1 || sb.isEmpty()) {
                    continue;
                }
                sb.append('\n');
            } else {
                blank = 0;
                sb.append(l).append('\n');
            }
        }
        return sb.toString().strip();
    }
}
