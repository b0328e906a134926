package dev.nudge.mail.inbound;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the HTML of an email into the text a person reads, so that an
 * HTML-only reply goes through {@link ReplyText} like a plain one: block
 * elements and &lt;br&gt; become line breaks, entities are decoded and the
 * content of &lt;blockquote&gt; is prefixed with "&gt; ", which is how Gmail,
 * Apple Mail and Thunderbird mark the message they quote. Not a general HTML
 * parser: mail HTML is simple, and whatever it cannot read stays as text.
 */
final class HtmlText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "tr", "table", "ul", "ol", "li", "h1", "h2",
            "h3", "h4", "h5", "h6", "pre", "hr", "dl", "dt", "dd", "address", "section", "article", "header",
            "footer", "center", "form", "fieldset");
    private static final Set<String> SKIPPED = Set.of("head", "script", "style", "title", "template");
    private static final Map<String, String> ENTITIES = entities();

    private HtmlText() {
    }

    static String toText(String html) {
        Lines out = new Lines();
        int i = 0;
        while (i < html.length()) {
            if (html.startsWith("<!--", i)) {
                int close = html.indexOf("-->", i + 4);
                i = close < 0 ? html.length() : close + 3;
            } else if (html.charAt(i) == '<' && startsTag(html, i)) {
                i = tag(html, i, out);
            } else {
                int next = html.indexOf('<', i + 1);
                next = next < 0 ? html.length() : next;
                out.text(decode(html.substring(i, next)));
                i = next;
            }
        }
        return out.result();
    }

    private static boolean startsTag(String html, int i) {
        if (i + 1 >= html.length()) {
            return false;
        }
        char c = html.charAt(i + 1);
        return Character.isLetter(c) || c == '/' || c == '!' || c == '?';
    }

    // Handles the tag at i and returns where reading goes on.
    private static int tag(String html, int i, Lines out) {
        int end = tagEnd(html, i);
        if (end < 0) {
            out.text(decode(html.substring(i)));
            return html.length();
        }
        String inside = html.substring(i + 1, end);
        boolean closing = inside.startsWith("/");
        String name = inside.replaceFirst("^/", "").split("[\\s/>]", 2)[0].toLowerCase(Locale.ROOT);
        if (!closing && SKIPPED.contains(name)) {
            int close = indexOfIgnoringCase(html, "</" + name, end);
            return close < 0 ? html.length() : Math.max(end + 1, tagEnd(html, close) + 1);
        }
        if (name.equals("br")) {
            out.lineBreak();
        } else if (name.equals("blockquote")) {
            out.quote(closing ? -1 : 1);
        } else if (name.equals("pre")) {
            out.preformatted(!closing);
        } else if (BLOCKS.contains(name)) {
            out.block();
            if (name.equals("li") && !closing) {
                out.text("- ");
            }
        } else if (name.equals("td") || name.equals("th")) {
            out.text(" ");
        }
        return end + 1;
    }

    private static int indexOfIgnoringCase(String html, String wanted, int from) {
        for (int k = from; k <= html.length() - wanted.length(); k++) {
            if (html.regionMatches(true, k, wanted, 0, wanted.length())) {
                return k;
            }
        }
        return -1;
    }

    // The '>' that closes the tag at i, skipping quoted attribute values; -1 when there is none.
    private static int tagEnd(String html, int i) {
        char quote = 0;
        for (int k = i + 1; k < html.length(); k++) {
            char c = html.charAt(k);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return k;
            }
        }
        return -1;
    }

    static String decode(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int semicolon = text.charAt(i) == '&' ? semicolon(text, i) : -1;
            String decoded = semicolon > i + 1 ? entity(text.substring(i + 1, semicolon)) : null;
            if (decoded == null) {
                out.append(text.charAt(i++));
            } else {
                out.append(decoded);
                i = semicolon + 1;
            }
        }
        return out.toString();
    }

    // Entity names are short; looking further would make text full of '&' slow to read.
    private static int semicolon(String text, int ampersand) {
        for (int k = ampersand + 1; k < Math.min(text.length(), ampersand + 12); k++) {
            if (text.charAt(k) == ';') {
                return k;
            }
        }
        return -1;
    }

    private static String entity(String name) {
        if (name.startsWith("#")) {
            try {
                boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
                int code = Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10);
                return Character.isValidCodePoint(code) && code != 0 ? new String(Character.toChars(code)) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return ENTITIES.get(name);
    }

    // The HTML 4 Latin-1 set (U+00A0 to U+00FF, in order) and the punctuation mail editors produce.
    private static Map<String, String> entities() {
        String latin1 = "nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg"
                + " plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest"
                + " Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc"
                + " Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute"
                + " THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave"
                + " iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc"
                + " uuml yacute thorn yuml";
        Map<String, String> map = new HashMap<>();
        String[] names = latin1.split(" ");
        for (int k = 0; k < names.length; k++) {
            map.put(names[k], String.valueOf((char) (0xA0 + k)));
        }
        String[] others = {"amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "ndash", "\u2013",
            "mdash", "\u2014", "hellip", "\u2026", "lsquo", "\u2018", "rsquo", "\u2019", "sbquo", "\u201A",
            "ldquo", "\u201C", "rdquo", "\u201D", "bdquo", "\u201E", "bull", "\u2022", "euro", "\u20AC",
            "trade", "\u2122", "OElig", "\u0152", "oelig", "\u0153", "Scaron", "\u0160", "scaron", "\u0161",
            "Yuml", "\u0178", "ensp", "\u2002", "emsp", "\u2003", "thinsp", "\u2009", "zwnj", "\u200C",
            "zwj", "\u200D", "lrm", "\u200E", "rlm", "\u200F"};
        for (int k = 0; k < others.length; k += 2) {
            map.put(others[k], others[k + 1]);
        }
        return Map.copyOf(map);
    }

    /** The text being built: whole lines, each prefixed by the blockquotes it sits in. */
    private static final class Lines {
        private final StringBuilder out = new StringBuilder();
        private final StringBuilder line = new StringBuilder();
        private int depth;
        private boolean pre;
        private boolean space;

        // Outside <pre>, runs of whitespace are one space, as a browser shows them.
        void text(String text) {
            for (int k = 0; k < text.length(); k++) {
                char c = text.charAt(k);
                if (pre && c == '\n') {
                    lineBreak();
                } else if (!pre && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')) {
                    space = line.length() > 0;
                } else {
                    if (space) {
                        line.append(' ');
                        space = false;
                    }
                    line.append(c == '\u00A0' ? ' ' : c);
                }
            }
        }

        void lineBreak() {
            int end = line.length();
            while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
                end--;
            }
            String prefix = "> ".repeat(depth);
            out.append(end == 0 ? prefix.stripTrailing() : prefix).append(line, 0, end).append('\n');
            line.setLength(0);
            space = false;
        }

        // A block starts on a line of its own, but nested blocks do not add empty lines.
        void block() {
            if (line.length() > 0) {
                lineBreak();
            }
        }

        void quote(int change) {
            block();
            depth = Math.max(0, depth + change);
        }

        void preformatted(boolean on) {
            block();
            pre = on;
        }

        String result() {
            block();
            return out.toString()
                    .replaceAll("\n{3,}", "\n\n")
                    .replaceAll("^\n+", "")
                    .stripTrailing();
        }
    }
}
