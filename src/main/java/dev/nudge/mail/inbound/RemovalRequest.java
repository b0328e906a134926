package dev.nudge.mail.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says whether a person's reply asks us to stop emailing them, in English,
 * German, French, Spanish, Dutch or Portuguese.
 *
 * <p>Only requests about the writer count ("remove me", "take me off your
 * list"); "could you remove Bob from the thread?" does not, because asking us
 * to drop someone else is not the writer opting out, and the reply stops the
 * sequence anyway. What the writer did not write is left out: quoted lines,
 * anything below a signature delimiter, and footer sentences ("To unsubscribe
 * from this list click here", "If you no longer wish to receive ..."), which
 * mail clients and lists add to a person's mail. A phrase right after a
 * negation in the same clause ("please don't unsubscribe me") does not count.
 */
public final class RemovalRequest {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE
            | Pattern.UNICODE_CHARACTER_CLASS;

    private static final String ENGLISH = String.join("|",
            "unsubscribe(?: me| us)?\\b",
            "remove (?:me|us|myself)(?: from (?:your|the|this|all)(?: \\w+){0,3}?"
                    + " (?:list|lists|database|mailings?|emails?|sequence|campaign))?\\b",
            "remove my (?:e-?mail(?: address)?|address|name|details|data)\\b",
            "take (?:me|us|my (?:e-?mail|address|name)) off(?: (?:your|the|this|all)(?: \\w+){0,2}? (?:list|lists))?",
            "stop (?:e-?mailing|mailing|contacting|messaging|spamming|writing to|sending) (?:me|us)\\b"
                    + "(?: (?:e-?mails|messages))?",
            "please stop(?=\\s*(?:[.!,;]|$|(?:it|this|these|that|now|e-?mailing|contacting|sending|writing)\\b))",
            "(?:do not|don['’]?t|never) (?:contact|e-?mail|message|write to|call|bother) (?:me|us)\\b"
                    + "(?: again| anymore| any more)?",
            "no more (?:e-?mails|messages|mails)\\b",
            "opt (?:me |us )?out\\b", "opt-out\\b", "opted out\\b",
            "(?:do not|don['’]?t|no longer) (?:want|wish) to (?:receive|get) (?:any |further |more |these |your )?"
                    + "(?:e-?mails|messages|mails|newsletters)\\b",
            "leave me alone\\b");

    private static final String GERMAN = String.join("|",
            "abmelden\\b", "melden? (?:sie )?(?:mich|uns) (?:bitte )?ab\\b",
            "austragen\\b", "tragen sie (?:mich|uns) (?:bitte )?aus\\b",
            "bitte keine (?:weiteren )?(?:e-?mails?|mails|nachrichten|newsletter|werbung)(?: mehr)?\\b",
            "(?:möchte|will|wünsche)(?: \\w+){0,3} keine (?:weiteren )?(?:e-?mails?|mails|nachrichten)(?: mehr)?\\b",
            "(?:kontaktieren|kontaktiert|anschreiben|schreiben|schreibt|mailen|mailt) (?:sie |ihr )?(?:mich|mir|uns)"
                    + " (?:bitte )?nicht mehr\\b",
            "nicht mehr (?:kontaktieren|anschreiben|anmailen|anrufen)\\b",
            "(?:entfernen|löschen|streichen) sie (?:mich|meine (?:e-?mail(?:-?adresse)?|adresse|daten))\\b");

    private static final String FRENCH = String.join("|",
            "d[ée]sinscri\\w*", "d[ée]sabonn\\w*",
            "ne (?:plus|pas) me (?:contacter|solliciter|relancer|[ée]crire)\\b", "ne plus m['’][ée]crire\\b",
            "ne m(?:e |['’])(?:contactez|[ée]crivez|relancez|sollicitez|envoyez)(?: \\w+){0,2}? plus\\b",
            "(?:retirez|supprimez|enlevez|rayez)[- ]moi\\b",
            "me (?:retirer|supprimer|rayer) de (?:votre|vos|la|cette) \\w+",
            "ne (?:souhaite|veux|désire) plus recevoir\\b", "ne plus recevoir\\b");

    private static final String SPANISH = String.join("|",
            "(?:darme|darnos|dame|denme|deme|dénme) de baja\\b", "me doy de baja\\b",
            "no me (?:escriba|escribas|escriban|contacte|contactes|contacten|envíe|envíes|envíen|envie|envien"
                    + "|mande|mandes|manden)(?: \\w+){0,3}? más\\b",
            "no (?:quiero|deseo) (?:seguir )?recibir\\b",
            "(?:elimínenme|eliminenme|elimíname|bórrenme|borrenme|bórrame|quítenme|quitenme|quítame|sáquenme"
                    + "|saquenme|sácame)\\b",
            "(?:eliminarme|borrarme|quitarme|sacarme) de (?:su|tu|la|sus|vuestra) \\w+",
            "(?:dejen|deje|deja) de (?:escribirme|enviarme|contactarme|mandarme)\\b");

    private static final String DUTCH = String.join("|",
            "afmelden\\b", "meld (?:me|mij|ons) (?:\\w+ )?af\\b",
            "uitschrijven\\b", "schrijf (?:me|mij|ons) (?:\\w+ )?uit\\b",
            "verwijder (?:me|mij|ons|mijn (?:e-?mail(?:adres)?|adres|gegevens))\\b",
            "haal (?:me|mij|ons) (?:\\w+ )?(?:van|uit) (?:de|jullie|uw|je|het) \\w+",
            "geen (?:e-?mails|mails|berichten) meer\\b",
            "(?:niet|nooit) meer (?:mailen|e-?mailen|benaderen|contacteren)\\b",
            "(?:mail|benader|contacteer) (?:me|mij|ons) (?:\\w+ )?niet meer\\b");

    private static final String PORTUGUESE = String.join("|",
            "descadastr\\w*",
            "n[ãa]o (?:quero|desejo) (?:mais )?receber\\b",
            "(?:me remova|remova-me|remover-me|me remover|me tire|tire-me|me retire|retire-me)\\b",
            "remov(?:a|er) (?:o )?meu (?:e-?mail|endereço|nome|contato)\\b",
            "cancel(?:ar|e) (?:a |minha )?(?:inscrição|assinatura)\\b",
            "n[ãa]o me (?:envie|enviem|mande|mandem|contate|contatem|contacte|escreva|escrevam)(?: \\w+){0,3}? mais\\b",
            "(?:parem|pare) de (?:me )?(?:enviar|mandar|contatar|escrever)\\b");

    private static final Pattern REQUEST = Pattern.compile("(?<!\\w)(?:" + String.join("|",
            ENGLISH, GERMAN, FRENCH, SPANISH, DUTCH, PORTUGUESE) + ")", FLAGS);

    // A reply that is one word long, as people answer text messages.
    private static final Pattern ONE_WORD = Pattern.compile(
            "^\\W*(?:please )?(stop|stopp|remove)(?: please)?\\W*$", FLAGS);

    private static final Set<String> NEGATIONS = Set.of("not", "don't", "don’t", "dont", "never", "nicht", "nie",
            "pas", "jamais", "nunca", "niet", "nooit", "não", "nao");

    private static final Pattern CLAUSE_BREAK = Pattern.compile(".*[,.;:!?()]", Pattern.DOTALL);
    // Bounded, so that one long token cannot make the search quadratic.
    private static final Pattern LINK = Pattern.compile(
            "(?:https?://|www\\.)\\S{0,2000}|[^\\s@]{1,64}@[^\\s@]{1,255}", FLAGS);
    private static final int CLAUSE_MAX_CHARS = 200;

    private RemovalRequest() {
    }

    /**
     * Whether the new text of a reply asks us to stop emailing: "unsubscribe", "remove me", "take me off your
     * list", "stop emailing me", "please don't contact me again", "opt out" and their German, French, Spanish,
     * Dutch and Portuguese equivalents. Returns the phrase found, as written (a request wrapped over two lines
     * comes back with a space for the line break). Quoted lines, text below a signature delimiter and footer
     * sentences are ignored; see the class comment for what does not count.
     */
    public static Optional<String> find(String newText) {
        if (newText == null) {
            return Optional.empty();
        }
        List<String> sentences = sentences(newText);
        for (String sentence : sentences) {
            Optional<String> found = request(sentence);
            if (found.isPresent()) {
                return found;
            }
        }
        Matcher oneWord = ONE_WORD.matcher(sentences.size() == 1 ? sentences.get(0) : "");
        return oneWord.matches() ? Optional.of(oneWord.group(1)) : Optional.empty();
    }

    private static Optional<String> request(String sentence) {
        if (Footer.matches(sentence)) {
            return Optional.empty();
        }
        // Blanked, not removed, so that positions still point into the sentence as written.
        Matcher m = REQUEST.matcher(LINK.matcher(sentence).replaceAll(r -> " ".repeat(r.group().length())));
        while (m.find()) {
            if (!negated(sentence, m.start())) {
                return Optional.of(sentence.substring(m.start(), m.end()).strip());
            }
        }
        return Optional.empty();
    }

    // "please don't unsubscribe me": a negation among the two words before the phrase, in its clause.
    private static boolean negated(String sentence, int phraseStart) {
        String near = sentence.substring(Math.max(0, phraseStart - CLAUSE_MAX_CHARS), phraseStart);
        Matcher clause = CLAUSE_BREAK.matcher(near);
        String inClause = clause.lookingAt() ? near.substring(clause.end()) : near;
        String[] words = inClause.strip().toLowerCase(Locale.ROOT).split("\\s+");
        for (int k = Math.max(0, words.length - 2); k < words.length; k++) {
            if (NEGATIONS.contains(words[k])) {
                return true;
            }
        }
        return false;
    }

    // The person's sentences: quoted lines and everything below a signature delimiter left out, wrapped
    // lines joined. A new line that starts with a capital starts a new sentence even without a full stop,
    // so that "Please remove me" is not read as part of a footer line right below it.
    private static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.replace("\r\n", "\n").replace('\r', '\n').split("\n")) {
            if (ReplyMarkers.isSignatureDelimiter(line)) {
                break;
            }
            String s = line.strip();
            boolean breaks = s.isEmpty() || ReplyMarkers.isQuote(line) || Character.isUpperCase(s.codePointAt(0));
            if (breaks) {
                flush(current, sentences);
            }
            if (!s.isEmpty() && !ReplyMarkers.isQuote(line)) {
                current.append(current.length() == 0 ? "" : " ").append(s);
            }
        }
        flush(current, sentences);
        return sentences;
    }

    private static void flush(StringBuilder paragraph, List<String> sentences) {
        for (String sentence : paragraph.toString().split("(?<=[.!?;])\\s+")) {
            if (!sentence.isBlank()) {
                sentences.add(sentence);
            }
        }
        paragraph.setLength(0);
    }

    /** Sentences that mail systems add to a person's mail: unsubscribe instructions and list notices. */
    private static final class Footer {

        private static final Pattern FOOTER = Pattern.compile(String.join("|",
                "^(?:to|um|pour|para|om)\\b.{0,40}?\\b(?:unsubscribe|opt[- ]?out|stop receiving|ab(?:zu)?melden"
                        + "|auszutragen|d[ée]sinscrire|d[ée]sabonner|de baja|descadastrar|cancelar|af te melden"
                        + "|afmelden|uit te schrijven|uitschrijven)",
                "^(?:if|wenn|falls|si|se|als)\\b.{0,60}?\\b(?:no longer|not|don['’]?t|nicht|keine|ne|plus|no|não"
                        + "|nao|niet|geen)\\b.{0,60}?\\b(?:receive|get|erhalten|bekommen|recevoir|recibir|receber"
                        + "|ontvangen)\\b",
                "\\b(?:you are receiving|you['’]re receiving|you received this|you have received this"
                        + "|you are subscribed|you['’]re subscribed|you signed up|sent to you because"
                        + "|this (?:e-?mail|message) was sent to)\\b",
                "\\b(?:click|tap) (?:here|below|the link|this link|on the link|on this link)\\b|\\bklicken sie\\b"
                        + "|\\bcliquez\\b|\\bhaz clic|\\bhaga clic|\\bklik (?:hier|op)\\b|\\bclique (?:aqui|no|em)\\b",
                "https?://|www\\.|\\b(?:preferences|email settings|einstellungen|préférences|preferencias"
                        + "|preferências|voorkeuren)\\b",
                "\\bunsubscribe\\s*[:|]|\\s\\|\\s"), FLAGS);

        static boolean matches(String sentence) {
            return FOOTER.matcher(sentence).find();
        }
    }
}
