package dev.nudge.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** People, programs and lists answering our mail, built here because no corpus has them. */
class ClassifierTest {

    static final String OUR_ID = "step1.42@nudge.test";

    private final Classifier classifier = new Classifier(Set.of("Sales@Nudge.test"));

    private Verdict classify(String message) {
        return classifier.classify(Messages.raw(message));
    }

    @Test
    void a_gmail_vacation_reply_naming_our_message_is_an_auto_reply_not_a_person() {
        Verdict v = classify("""
                From: Ann Example <ann@example.org>
                To: sales@nudge.test
                Subject: Re: Proposal
                Date: Fri, 27 Feb 2026 09:15:00 +0100
                Message-ID: <CAF=vacation@mail.gmail.com>
                In-Reply-To: <%s>
                References: <%s>
                Auto-Submitted: auto-replied
                Precedence: bulk
                Content-Type: text/plain; charset=UTF-8

                Hi, I'm on holiday and back on Monday, 9 March. For urgent matters call Bob.
                """.formatted(OUR_ID, OUR_ID));

        assertThat(v.kind()).isEqualTo(MessageKind.AUTO_REPLY);
        assertThat(v.reason()).startsWith("Auto-Submitted: auto-replied");
        assertThat(v.returnDate()).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(v.originalMessageId()).isEqualTo(OUR_ID);
    }

    @Test
    void an_outlook_reply_with_thread_index_and_auto_response_suppress_is_a_person() {
        Verdict v = classify("""
                From: Bob Builder <bob@contoso.example>
                To: sales@nudge.test
                Subject: RE: Proposal
                Date: Fri, 27 Feb 2026 10:02:11 +0000
                Thread-Topic: Proposal
                Thread-Index: AdEsm/Pfm3B7LuuNRJ25Ib6MzgVl0g==
                Message-ID: <820601D941C45C44AE315CA24F14D639DF@EX1.contoso.example>
                In-Reply-To: <%s>
                References: <%s>
                X-MS-Has-Attach:
                X-MS-TNEF-Correlator:
                X-Auto-Response-Suppress: All
                Content-Type: multipart/alternative; boundary="b1"

                --b1
                Content-Type: text/plain; charset="us-ascii"

                Thanks, Tuesday works for me.

                --b1
                Content-Type: text/html; charset="us-ascii"

                <html><body><p>Thanks, Tuesday works for me.</p></body></html>
                --b1--
                """.formatted(OUR_ID, OUR_ID));

        assertThat(v.kind()).isEqualTo(MessageKind.HUMAN_REPLY);
        assertThat(v.reason()).isEqualTo("In-Reply-To: <" + OUR_ID + ">");
    }

    @Test
    void a_person_asking_to_be_removed_is_still_a_human_reply() {
        Verdict v = classify("""
                From: Carol <carol@example.net>
                To: sales@nudge.test
                Subject: Re: Quick question
                Date: Fri, 27 Feb 2026 11:00:00 +0000

                Please remove me from your list.
                """);

        assertThat(v.kind()).isEqualTo(MessageKind.HUMAN_REPLY);
        assertThat(v.reason()).isEqualTo("subject \"Re: Quick question\" is a reply");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Aw: Angebot          | subject "Aw: Angebot" is a reply
            SV: Tilbud           | subject "SV: Tilbud" is a reply
            Antw: Offerte        | subject "Antw: Offerte" is a reply
            R: Offerta           | subject "R: Offerta" is a reply
            Odp: Oferta          | subject "Odp: Oferta" is a reply
            回复: 报价             | subject "回复: 报价" is a reply
            """)
    void reply_prefixes_of_many_mail_clients_mark_a_reply(String subject, String reason) {
        Verdict v = classify("From: dana@example.net\nSubject: " + subject + "\n\nOk.\n");

        assertThat(v.kind()).isEqualTo(MessageKind.HUMAN_REPLY);
        assertThat(v.reason()).isEqualTo(reason);
    }

    @Test
    void a_reply_with_references_only_is_a_human_reply() {
        Verdict v = classify("From: erin@example.net\nSubject: Proposal\nReferences: <" + OUR_ID + ">\n\nYes.\n");

        assertThat(v.kind()).isEqualTo(MessageKind.HUMAN_REPLY);
        assertThat(v.reason()).isEqualTo("References: <" + OUR_ID + ">");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Automatic reply: Proposal        | I am out of the office until 6 March 2026 with no access to email.      | 2026-03-07
            Abwesenheitsnotiz: Angebot       | Ich bin ab dem 9. März wieder im Büro. In dringenden Fällen: Frau Meier. | 2026-03-09
            Réponse automatique : Offre      | Je suis absent jusqu'au 6 mars inclus.                                   | 2026-03-07
            Respuesta automática: Oferta     | Estoy fuera de la oficina. Regreso el 9 de marzo.                        | 2026-03-09
            Automatisch antwoord: Offerte    | Ik ben afwezig tot en met 6 maart.                                       | 2026-03-07
            Resposta automática: Proposta    | Estou de férias. Retorno em 9 de março.                                  | 2026-03-09
            """)
    void an_out_of_office_in_each_language_is_an_auto_reply_with_its_return_date(String subject, String body,
            LocalDate back) {
        Verdict v = classify("""
                From: frank@example.eu
                To: sales@nudge.test
                Subject: %s
                Date: Fri, 27 Feb 2026 08:00:00 +0100
                In-Reply-To: <%s>
                Content-Type: text/plain; charset=UTF-8

                %s
                """.formatted(subject, OUR_ID, body));

        assertThat(v.kind()).isEqualTo(MessageKind.AUTO_REPLY);
        assertThat(v.reason()).isEqualTo("subject \"" + subject + "\"; back on " + back);
        assertThat(v.returnDate()).isEqualTo(back);
    }

    @Test
    void an_exchange_out_of_office_is_known_by_its_agent_header() {
        Verdict v = classify("""
                From: gina@contoso.example
                Subject: Proposal
                Date: Fri, 27 Feb 2026 08:00:00 +0000
                X-MS-Exchange-Generated-Message-Source: Mailbox Rules Agent
                X-Auto-Response-Suppress: All

                I am away.
                """);

        assertThat(v.kind()).isEqualTo(MessageKind.AUTO_REPLY);
        assertThat(v.returnDate()).isNull();
    }

    @Test
    void a_challenge_answering_with_re_is_a_challenge() {
        Verdict v = classify("""
                From: hank@example.com
                Subject: RE: Proposal
                In-Reply-To: <%s>

                I use a challenge-response spam filter. Please verify you are human by clicking the link below.
                """.formatted(OUR_ID));

        assertThat(v.kind()).isEqualTo(MessageKind.CHALLENGE);
        assertThat(v.reason()).isEqualTo("challenge/response wording: \"i use a challenge\"");
    }

    @Test
    void a_newsletter_is_list_mail_but_a_person_replying_through_a_list_is_a_person() {
        Verdict newsletter = classify("""
                From: News <news@shop.example>
                Subject: Spring sale
                List-Id: <news.shop.example>
                List-Unsubscribe: <https://shop.example/u/123>

                Buy things.
                """);
        Verdict viaList = classify("""
                From: ivy@example.org
                Subject: Re: Proposal
                In-Reply-To: <%s>
                List-Id: <sales.example.org>
                Precedence: list

                Sounds good.
                """.formatted(OUR_ID));

        assertThat(newsletter.kind()).isEqualTo(MessageKind.LIST);
        assertThat(newsletter.reason()).isEqualTo("List-Id present (bulk mail), not a reply");
        assertThat(viaList.kind()).isEqualTo(MessageKind.HUMAN_REPLY);
    }

    @Test
    void mail_from_our_own_address_is_our_own_in_any_case() {
        Verdict v = classify("From: Sales <SALES@nudge.TEST>\nSubject: Re: Proposal\nIn-Reply-To: <x@y>\n\nHi\n");

        assertThat(v.kind()).isEqualTo(MessageKind.OWN_MESSAGE);
        assertThat(v.reason()).isEqualTo("From: sales@nudge.test is one of our addresses");
    }

    @Test
    void a_message_with_no_sign_of_a_reply_or_a_program_is_unrelated() {
        Verdict v = classify("From: jack@example.org\nSubject: Hello\n\nA new conversation.\n");

        assertThat(v.kind()).isEqualTo(MessageKind.UNRELATED);
        assertThat(v.reason()).isEqualTo("not a reply and no sign of a program");
    }

    @Test
    void garbage_bytes_are_unrelated_and_never_throw() {
        byte[] noise = new byte[20_000];
        new Random(42).nextBytes(noise);

        for (byte[] input : new byte[][] {noise, new byte[0], null, "\r\n\r\n--x\r\n".getBytes(StandardCharsets.UTF_8)}) {
            Verdict v = classifier.classify(input);
            assertThat(v.kind()).isEqualTo(MessageKind.UNRELATED);
            assertThat(v.reason()).startsWith("not a mail message");
        }
    }

    @Test
    void a_broken_part_is_skipped_and_the_rest_still_read() {
        Verdict v = classify("""
                From: Mail Delivery System <MAILER-DAEMON@mx.example.org>
                Subject: Undelivered Mail Returned to Sender
                Content-Type: multipart/mixed; boundary="outer"

                --outer
                Content-Type: text/plain; charset=x-no-such-charset
                Content-Transfer-Encoding: x-unknown

                <gone@example.org>: host mx.example.org said: 550 5.1.1 User unknown
                --outer
                Content-Type: multipart/alternative; boundary="never-closed"

                --never-closed
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: base64

                !!! not base64 !!!
                """);

        assertThat(v.kind()).isEqualTo(MessageKind.BOUNCE);
        assertThat(v.bounce()).isEqualTo(BounceType.HARD);
        assertThat(v.recipient()).isEqualTo("gone@example.org");
        assertThat(v.status()).isEqualTo("5.1.1");
    }

    @Test
    void a_huge_message_is_read_only_in_part() {
        String body = "x".repeat(1000) + "\n";
        Verdict v = classify("From: kim@example.org\nSubject: Re: Proposal\n\n" + body.repeat(20_000));

        assertThat(v.kind()).isEqualTo(MessageKind.HUMAN_REPLY);
    }
}
