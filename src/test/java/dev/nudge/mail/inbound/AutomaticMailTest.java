package dev.nudge.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AutomaticMailTest {

    static final Path COPIED = Path.of("src/test/resources/corpus/bounces-rjbs");
    static final Path SHARED = Path.of("../shared/corpus/bounces-rjbs");

    static final String HUMAN_REPLY = """
            From: Ann Example <ann@example.org>
            To: Me <me@example.com>
            Subject: Re: Proposal
            Message-ID: <CAB+reply@mail.gmail.com>
            In-Reply-To: <step1.42@nudge.test>
            References: <step1.42@nudge.test>
            Return-Path: <ann@example.org>
            Content-Type: text/plain; charset=UTF-8

            Sounds good, let's talk Tuesday.
            """;

    @Test
    void a_plain_human_reply_is_not_automatic() {
        assertThat(AutomaticMail.reason(Messages.inbound(HUMAN_REPLY))).isEmpty();
    }

    @Test
    void an_outlook_human_reply_with_auto_response_suppress_is_not_automatic() {
        InboundEmail outlook = Messages.inbound("""
                From: Bob Builder <bob@contoso.example>
                To: Me <me@example.com>
                Subject: RE: Proposal
                Thread-Topic: Proposal
                Thread-Index: AdEsm/Pfm3B7LuuNRJ25Ib6MzgVl0g==
                Message-ID: <820601D941C45C44AE315CA24F14D639DF@EX1.contoso.example>
                In-Reply-To: <step1.42@nudge.test>
                References: <step1.42@nudge.test>
                X-MS-Has-Attach:
                X-MS-TNEF-Correlator:
                X-Auto-Response-Suppress: All
                Content-Type: multipart/alternative; boundary="b1"

                --b1--
                """);

        assertThat(AutomaticMail.reason(outlook)).isEmpty();
    }

    @Test
    void auto_submitted_no_is_a_person() {
        assertThat(AutomaticMail.reason(withHeader("Auto-Submitted: no"))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Auto-Submitted: auto-replied                              | Auto-Submitted: auto-replied
            Auto-Submitted: auto-generated; type=vacation             | Auto-Submitted: auto-generated; type=vacation
            X-Autoreply: yes                                          | X-Autoreply: yes
            X-Autorespond: Out of office                              | X-Autorespond: Out of office
            Precedence: bulk                                          | Precedence: bulk
            Precedence: junk                                          | Precedence: junk
            Precedence: auto_reply                                    | Precedence: auto_reply
            Return-Path: <>                                           | Return-Path: <>
            Content-Type: multipart/report; report-type=delivery-status; boundary=x | Content-Type: multipart/report
            X-MS-Exchange-Generated-Message-Source: Mailbox Rules Agent | X-MS-Exchange-Generated-Message-Source: Mailbox Rules Agent
            X-Failed-Recipients: gone@example.org                     | X-Failed-Recipients: gone@example.org
            """)
    void a_header_that_only_programs_set_marks_a_reply_automatic(String header, String reason) {
        assertThat(AutomaticMail.reason(withHeader(header))).contains(reason);
    }

    @Test
    void a_gmail_vacation_reply_that_threads_under_our_message_is_still_automatic() {
        String vacation = HUMAN_REPLY.replace("Subject: Re: Proposal",
                "Subject: Out of office\nAuto-Submitted: auto-replied");

        assertThat(AutomaticMail.reason(Messages.inbound(vacation))).contains("Auto-Submitted: auto-replied");
    }

    @Test
    void mail_from_the_mail_system_is_automatic() {
        String bounce = HUMAN_REPLY.replace("From: Ann Example <ann@example.org>",
                "From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.org>");
        String postmaster = HUMAN_REPLY.replace("From: Ann Example <ann@example.org>",
                "From: postmaster@example.org");

        assertThat(AutomaticMail.reason(Messages.inbound(bounce))).contains("From: mailer-daemon@mx.example.org");
        assertThat(AutomaticMail.reason(Messages.inbound(postmaster))).contains("From: postmaster@example.org");
    }

    @Test
    void a_newsletter_is_bulk_but_a_reply_relayed_by_a_list_is_a_person() {
        String newsletter = """
                From: News <news@shop.example>
                Subject: Spring sale
                List-Unsubscribe: <https://shop.example/u/123>

                Buy things.
                """;
        String viaList = HUMAN_REPLY.replace("Return-Path:",
                "List-Id: <sales.example.org>\nPrecedence: list\nReturn-Path:");

        assertThat(AutomaticMail.reason(Messages.inbound(newsletter))).contains("List-Unsubscribe present (bulk mail)");
        assertThat(AutomaticMail.reason(Messages.inbound(viaList))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            aol-vacation.msg     | Auto-Submitted: auto-replied
            autoreply.msg        | Return-Path: <>
            polish-autoreply.msg | Precedence: junk
            non-autoreply.msg    | Auto-Submitted: auto-replied
            postfix.msg          | Return-Path: <>
            exchange.unknown.msg | From: postmaster@example.net
            """)
    void real_auto_replies_and_bounces_are_automatic(String file, String reason) {
        assertThat(AutomaticMail.reason(Messages.inbound(COPIED.resolve(file)))).contains(reason);
    }

    // The six it misses carry no header that only a program sets: four are
    // plain spam, bluebottle.msg is a challenge whose only mark is a vendor
    // header, and warning-6.msg is a Lotus Notes out-of-office known by its
    // subject alone. Those belong to the content classifier.
    @Test
    void nearly_the_whole_bounce_corpus_is_automatic() throws IOException {
        assumeTrue(Files.isDirectory(SHARED), "shared corpus not present");
        List<Path> files;
        try (Stream<Path> list = Files.list(SHARED)) {
            files = list.filter(p -> p.toString().endsWith(".msg")).sorted().toList();
        }

        List<String> missed = files.stream()
                .filter(p -> AutomaticMail.reason(Messages.inbound(p)).isEmpty())
                .map(p -> p.getFileName().toString())
                .toList();

        assertThat(files).hasSize(128);
        assertThat(missed).containsExactlyInAnyOrderElementsOf(Set.of(
                "bluebottle.msg", "warning-6.msg", "spam-bogus-email-in-report.msg",
                "spam-lots-of-bogus-addresses.msg", "spam-with-badly-parsed-email.msg", "spam-with-image.msg"));
    }

    private static InboundEmail withHeader(String header) {
        return Messages.inbound(HUMAN_REPLY.replace("Return-Path: <ann@example.org>", header));
    }
}
