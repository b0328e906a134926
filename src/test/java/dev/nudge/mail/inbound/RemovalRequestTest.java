package dev.nudge.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RemovalRequestTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Unsubscribe                                                  | Unsubscribe
            Please unsubscribe me.                                       | unsubscribe me
            Please remove me from your list, thanks.                     | remove me from your list
            If you could remove me, I'd get fewer emails.                | remove me
            Not interested. Remove me.                                   | Remove me
            Can you take me off your mailing list?                       | take me off your mailing list
            Stop emailing me.                                            | Stop emailing me
            Please stop.                                                 | Please stop
            STOP                                                         | STOP
            Not interested, please don't contact me again.               | don't contact me again
            Not interested, please don’t contact me again.               | don’t contact me again
            I'd like to opt out.                                         | opt out
            I don't want to receive these emails.                        | don't want to receive these emails
            Bitte abmelden.                                              | abmelden
            Bitte keine E-Mails mehr.                                    | Bitte keine E-Mails mehr
            Ich möchte bitte keine Nachrichten mehr.                     | möchte bitte keine Nachrichten mehr
            Bitte tragen Sie mich aus.                                   | tragen Sie mich aus
            Kontaktieren Sie mich bitte nicht mehr.                      | Kontaktieren Sie mich bitte nicht mehr
            Merci de me désinscrire.                                     | désinscrire
            Merci de ne plus me contacter.                               | ne plus me contacter
            Ne m'écrivez plus.                                           | Ne m'écrivez plus
            Retirez-moi de votre liste.                                  | Retirez-moi
            Por favor, darme de baja.                                    | darme de baja
            No me escriba más, gracias.                                  | No me escriba más
            No quiero recibir más correos.                               | No quiero recibir
            Quítenme de su lista.                                        | Quítenme
            Graag afmelden.                                              | afmelden
            Graag uitschrijven voor deze mails.                          | uitschrijven
            Haal me van de lijst alstublieft.                            | Haal me van de lijst
            Ik wil geen e-mails meer.                                    | geen e-mails meer
            Gostaria de descadastrar meu e-mail.                         | descadastrar
            Não quero receber mais e-mails.                              | Não quero receber
            Por favor, me remova da lista.                               | me remova
            """)
    void a_request_to_stop_in_any_supported_language_fires(String text, String phrase) {
        assertThat(RemovalRequest.find(text)).contains(phrase);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "I'll remove the meeting from my calendar.",
            "Great progress, don't stop now!",
            "Could you remove Bob from the thread? Thanks",
            "Please stop by our booth at the fair.",
            "We unsubscribed from that vendor's newsletter last year.",
            "Please don't unsubscribe me, I like these.",
            "Sent the remaining documents; let me know if anything is missing.",
            "Ich habe den Termin im Kalender eingetragen.",
            "Ich möchte mich nicht abmelden.",
            "Merci, je vous rappelle demain.",
            "Gracias, te escribo mañana.",
            "Bedankt, ik bel u morgen.",
            "Obrigado, amanhã falamos."})
    void harmless_text_does_not_fire(String text) {
        assertThat(RemovalRequest.find(text)).isEmpty();
    }

    @Test
    void quoted_lines_never_fire() {
        assertThat(RemovalRequest.find("Sounds good.\n\n> Reply \"unsubscribe\" to stop these emails.")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "To unsubscribe from this list, click here.",
            "To unsubscribe from this list click here",
            "If you no longer wish to receive these emails, unsubscribe here.",
            "You are receiving this because you subscribed to our list. Unsubscribe: https://x.example/u/1",
            "Unsubscribe | Manage preferences",
            "Para darte de baja de estos emails, cambia tus preferencias.",
            "Um sich abzumelden, klicken Sie hier.",
            "Pour vous désinscrire, cliquez ici."})
    void footer_sentences_do_not_fire(String footer) {
        assertThat(RemovalRequest.find("Thanks, sounds good.\n\nBob\n" + footer)).isEmpty();
    }

    @Test
    void nothing_below_a_signature_delimiter_fires() {
        assertThat(RemovalRequest.find("Thanks!\n-- \nBob\nReply STOP to opt out of our newsletter")).isEmpty();
    }

    @Test
    void a_request_right_above_a_footer_line_still_fires() {
        String text = "Please remove me\nTo unsubscribe from this list, click here";

        assertThat(RemovalRequest.find(text)).contains("remove me");
    }

    @Test
    void a_request_wrapped_over_two_lines_fires() {
        assertThat(RemovalRequest.find("Could you please take me\noff your list?")).contains("take me off your list");
    }

    @Test
    void a_top_posted_reply_over_a_quoted_unsubscribe_footer_does_not_fire() {
        String body = """
                Thanks Jane, let's talk next week.

                On Mon, 2 Mar 2026 at 10:00, Jane Roe <jane@example.com> wrote:
                > Hi Bob, following up on my last note.
                >
                > If you'd rather not hear from me, please unsubscribe by replying "remove me".
                """;

        assertThat(RemovalRequest.find(ReplyText.newText(body))).isEmpty();
        assertThat(RemovalRequest.find(body)).isEmpty();
    }

    @Test
    void a_human_reply_asking_to_be_removed_fires() {
        String raw = """
                From: Bob Builder <bob@contoso.example>
                To: Jane Roe <jane@example.com>
                Subject: Re: Following up
                In-Reply-To: <step2.42@nudge.test>
                Content-Type: text/plain; charset=UTF-8

                Hi Jane, please remove me from your list.

                Bob

                On Mon, 2 Mar 2026 at 10:00, Jane Roe <jane@example.com> wrote:
                > Hi Bob, just following up.
                """;
        String body = MessageBodies.plainText(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));

        assertThat(RemovalRequest.find(ReplyText.newText(body))).contains("remove me from your list");
    }

    @Test
    void null_and_empty_text_do_not_fire() {
        assertThat(RemovalRequest.find(null)).isEmpty();
        assertThat(RemovalRequest.find("")).isEmpty();
    }

    @Test
    void hostile_text_is_read_in_linear_time() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThat(RemovalRequest.find("a".repeat(200_000) + "@" + "b".repeat(200_000))).isEmpty();
            assertThat(RemovalRequest.find("please don't unsubscribe me ".repeat(10_000))).isEmpty();
            assertThat(RemovalRequest.find("www.".repeat(50_000) + " remove me")).contains("remove me");
            assertThat(RemovalRequest.find("word ".repeat(40_000))).isEmpty();
        });
    }
}
