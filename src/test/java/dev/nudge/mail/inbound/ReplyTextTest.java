package dev.nudge.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplyTextTest {

    @Test
    void gmail_attribution_and_its_quote_are_cut() {
        String body = """
                Tuesday works, see you then.

                On Mon, 2 Mar 2026 at 10:00, Jane Roe <jane@example.com> wrote:

                > Would Tuesday or Wednesday suit you?
                >
                > Jane
                """;

        assertThat(ReplyText.newText(body)).isEqualTo("Tuesday works, see you then.");
    }

    @Test
    void gmail_attribution_wrapped_over_two_lines_is_cut() {
        String body = """
                Tuesday works.

                On Mon, 2 Mar 2026 at 10:00, Jane Roe via Nudge <
                jane@example.com> wrote:

                > Would Tuesday suit you?
                """;

        assertThat(ReplyText.newText(body)).isEqualTo("Tuesday works.");
    }

    @Test
    void attribution_right_under_the_text_does_not_take_the_text_with_it() {
        String body = """
                Thanks for the help
                On Mon, 2 Mar 2026 at 10:00, Jane Roe <jane@example.com> wrote:
                > Here you go.
                """;

        assertThat(ReplyText.newText(body)).isEqualTo("Thanks for the help");
    }

    @Test
    void outlook_original_message_block_is_cut() {
        String body = """
                Please call me next week.

                -----Original Message-----
                From: Jane Roe [mailto:jane@example.com]
                Sent: Monday, March 2, 2026 10:00 AM
                To: Bob <bob@contoso.example>
                Subject: Proposal

                Would Tuesday suit you?
                """;

        assertThat(ReplyText.newText(body)).isEqualTo("Please call me next week.");
    }

    @Test
    void outlook_from_sent_block_under_a_rule_is_cut() {
        String body = """
                Please call me next week.

                Bob
                ________________________________
                From: Jane Roe <jane@example.com>
                Sent: Monday, March 2, 2026 10:00
                To: Bob
                Subject: Proposal

                Would Tuesday suit you?
                """;

        assertThat(ReplyText.newText(body)).isEqualTo("Please call me next week.\n\nBob");
    }

    @Test
    void outlook_from_sent_block_without_a_rule_is_cut() {
        String body = """
                Not now, maybe in the autumn.

                From: Jane Roe <jane@example.com>
                Sent: Monday, March 2, 2026 10:00
                To: Bob
                Subject: Proposal
                """;

        assertThat(ReplyText.newText(body)).isEqualTo("Not now, maybe in the autumn.");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "From: Jane Roe <jane@example.com>|Sent: Monday, 2 March 2026 10:00|To: Bob|Subject: Proposal",
            "*From:* Jane Roe <jane@example.com>|*Sent:* Monday, 2 March 2026 10:00|*To:* Bob",
            "Von: Jane Roe <jane@example.com>|Gesendet: Montag, 2. März 2026 10:00|An: Bob|Betreff: Angebot",
            "De : Jane Roe <jane@example.com>|Envoyé : lundi 2 mars 2026 10:00|À : Bob|Objet : Offre",
            "De: Jane Roe <jane@example.com>|Enviado: lunes, 2 de marzo de 2026 10:00|Para: Bob|Asunto: Oferta",
            "Van: Jane Roe <jane@example.com>|Verzonden: maandag 2 maart 2026 10:00|Aan: Bob|Onderwerp: Offerte",
            "De: Jane Roe <jane@example.com>|Enviada em: segunda-feira, 2 de março de 2026 10:00|Para: Bob"})
    void localised_outlook_header_blocks_are_cut(String block) {
        String body = "OK.\n\n" + block.replace('|', '\n') + "\n\nWould Tuesday suit you?\n";

        assertThat(ReplyText.newText(body)).isEqualTo("OK.");
    }

    @Test
    void apple_mail_attribution_is_cut() {
        String body = """
                Sounds good.

                > On 2 Mar 2026, at 10:00, Jane Roe <jane@example.com> wrote:
                >\s
                > Would Tuesday suit you?
                """;

        assertThat(ReplyText.newText(body)).isEqualTo("Sounds good.");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "Am 02.03.2026 um 10:00 schrieb Jane Roe <jane@example.com>:",
            "Jane Roe <jane@example.com> schrieb am Mo., 2. März 2026 um 10:00 Uhr:",
            "Le lun. 2 mars 2026 à 10:00, Jane Roe <jane@example.com> a écrit :",
            "El lun, 2 mar 2026 a las 10:00, Jane Roe (<jane@example.com>) escribió:",
            "Op ma 2 mrt. 2026 om 10:00 schreef Jane Roe <jane@example.com>:",
            "Em seg., 2 de mar. de 2026 às 10:00, Jane Roe <jane@example.com> escreveu:",
            "Il giorno lun 2 mar 2026 alle ore 10:00 Jane Roe <jane@example.com> ha scritto:",
            "On Mon, Mar 2, 2026 at 10:00 AM Jane Roe <jane@example.com> wrote:",
            "2026-03-02 10:00 GMT+01:00 Jane Roe <jane@example.com>:"})
    void localised_attributions_are_cut(String attribution) {
        String body = "Danke, passt.\n\n" + attribution + "\n\n> Passt Dienstag?\n> Jane\n";

        assertThat(ReplyText.newText(body)).isEqualTo("Danke, passt.");
    }

    @Test
    void french_attribution_wrapped_over_three_lines_is_cut() {
        String body = """
                C'est parfait !
                Le lun. 2 mars 2026 à 10:00, Jane Roe
                <jane@example.com>
                a écrit :

                > Mardi vous convient ?
                """;

        assertThat(ReplyText.newText(body)).isEqualTo("C'est parfait !");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Sent from my iPhone", "Sent from Outlook for Android", "Get Outlook for iOS",
            "Von meinem iPhone gesendet", "Envoyé de mon iPhone", "Enviado desde mi iPhone",
            "Verzonden vanaf mijn iPhone", "Enviado do meu iPhone", "Sent from Yahoo Mail on Android"})
    void mobile_sign_offs_and_what_follows_are_cut(String signOff) {
        String body = "OK, Tuesday.\n\n" + signOff + "\n\nOn 2 Mar 2026, at 10:00, Jane <jane@example.com> wrote:\n";

        assertThat(ReplyText.newText(body)).isEqualTo("OK, Tuesday.");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Sent the contract by courier this morning.\nIt should arrive on Friday.",
            "Sent by my colleague yesterday, it should arrive on Friday.",
            "Sent via DHL, tracking number follows."})
    void a_sentence_that_starts_with_sent_stays(String body) {
        assertThat(ReplyText.newText(body)).isEqualTo(body);
    }

    @Test
    void signature_after_the_standard_delimiter_is_cut() {
        String body = "Yes please.\n\n-- \nBob Builder\nContoso Ltd | +1 555 0100\n";

        assertThat(ReplyText.newText(body)).isEqualTo("Yes please.");
    }

    @Test
    void inline_answers_keep_the_quotes_they_answer() {
        String body = """
                See my answers below.

                On Mon, 2 Mar 2026 at 10:00, Jane Roe <jane@example.com> wrote:
                > Does Tuesday suit you?
                Yes.
                > And Bob?
                He is away.

                > Jane
                """;

        assertThat(ReplyText.newText(body)).isEqualTo("""
                See my answers below.

                > Does Tuesday suit you?
                Yes.
                > And Bob?
                He is away.""");
    }

    @Test
    void a_bottom_posted_reply_keeps_the_text_below_the_quote() {
        String body = """
                On Mon, 2 Mar 2026 at 10:00, Jane Roe <jane@example.com> wrote:
                > Does Tuesday suit you?

                It does.
                """;

        assertThat(ReplyText.newText(body)).isEqualTo("It does.");
    }

    @Test
    void a_forwarded_message_that_opens_the_body_is_its_content() {
        String body = """
                ---------- Forwarded message ---------
                From: Jane Roe <jane@example.com>
                Date: Mon, 2 Mar 2026 at 10:00
                Subject: Proposal
                To: <bob@contoso.example>

                The proposal is attached.
                """;

        assertThat(ReplyText.newText(body)).isEqualTo("The proposal is attached.");
    }

    @Test
    void an_original_message_that_opens_the_body_leaves_no_new_text() {
        String body = """
                -----Original Message-----
                From: Jane Roe <jane@example.com>
                Sent: Monday, March 2, 2026 10:00 AM
                Subject: Proposal

                To unsubscribe from this list, reply "remove me".
                """;

        assertThat(ReplyText.newText(body)).isEmpty();
    }

    @Test
    void line_endings_are_normalised_and_blank_edges_removed() {
        assertThat(ReplyText.newText("\r\n\r\nFirst\r\nSecond\rThird\r\n\r\n")).isEqualTo("First\nSecond\nThird");
    }

    @Test
    void formatting_inside_the_text_is_kept() {
        String body = "Steps:\n\n    1. sign\n    2. send\n\n----\n\nThat is all.";

        assertThat(ReplyText.newText(body)).isEqualTo(body);
    }

    @Test
    void a_body_that_is_only_a_quote_keeps_it() {
        assertThat(ReplyText.newText("> just this\n")).isEqualTo("> just this");
    }

    @Test
    void null_and_empty_bodies_have_no_text() {
        assertThat(ReplyText.newText(null)).isEmpty();
        assertThat(ReplyText.newText("")).isEmpty();
        assertThat(ReplyText.newText("\n \n")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "On second thought, Tuesday is better.\nOn Monday I am away.",
            "2026-03-10 14:00 UTC works for me.",
            "2026-03-10 works; send it to bob@contoso.example please.",
            "Here is what I wrote:\n\nThe plan is fine."})
    void ordinary_sentences_that_look_like_attributions_stay(String body) {
        assertThat(ReplyText.newText(body)).isEqualTo(body);
    }

    @Test
    void hostile_bodies_are_read_in_linear_time() {
        String deepQuote = ">".repeat(200_000) + " On 2 Mar 2026, Jane <j@x> wrote:\n";
        String manyAttributions = "On 2 Mar 2026, Jane <j@x> wrote:\n> q\na\n".repeat(10_000);

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThat(ReplyText.newText(deepQuote)).isEmpty();
            assertThat(ReplyText.newText(manyAttributions)).startsWith("a\n> q\na");
            assertThat(HtmlText.toText("&".repeat(200_000))).hasSize(200_000);
            assertThat(HtmlText.toText("<a ".repeat(50_000))).isNotNull();
            assertThat(HtmlText.toText("&nbsp;".repeat(50_000) + "x")).endsWith("x");
            assertThat(ReplyText.newText("-".repeat(200_000) + "x\n" + "On 2 Mar 2026 ".repeat(20_000))).isNotEmpty();
        });
    }
}
