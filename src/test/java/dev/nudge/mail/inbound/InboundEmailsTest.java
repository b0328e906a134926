package dev.nudge.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InboundEmailsTest {

    @Test
    void reads_ids_sender_subject_and_threading_from_ordinary_headers() {
        InboundEmail m = Messages.inbound("""
                Received: from a.example.org by b.example.net; Mon, 3 Mar 2025 10:00:00 +0000
                Received: from c.example.org by a.example.org; Mon, 3 Mar 2025 09:59:59 +0000
                Message-ID:  <CAB+x1@mail.gmail.com>
                From: "Ann Example" <Ann.Example@Example.ORG>
                Subject: =?UTF-8?Q?Re:_Gr=C3=BC=C3=9Fe,_Zo=C3=AB?=
                In-Reply-To: <step1.42@nudge.test>
                References: <step1.42@nudge.test>
                 <step2.42@nudge.test>
                Thread-Topic: folded
                 over two lines

                body
                """);

        assertThat(m.messageId()).isEqualTo("CAB+x1@mail.gmail.com");
        assertThat(m.from()).isEqualTo("ann.example@example.org");
        assertThat(m.subject()).isEqualTo("Re: Grüße, Zoë");
        assertThat(m.inReplyTo()).containsExactly("step1.42@nudge.test");
        assertThat(m.references()).containsExactly("step1.42@nudge.test", "step2.42@nudge.test");
        assertThat(m.headers().keySet())
                .containsExactly("received", "message-id", "from", "subject", "in-reply-to", "references", "thread-topic");
        assertThat(m.headers().get("received")).hasSize(2);
        assertThat(m.header("Thread-Topic")).isEqualTo("folded over two lines");
    }

    @Test
    void tolerates_missing_brackets_commas_comments_and_extra_whitespace() {
        assertThat(InboundEmails.messageIds("step1@nudge.test")).containsExactly("step1@nudge.test");
        assertThat(InboundEmails.messageIds("a@x,b@y ,  c@z")).containsExactly("a@x", "b@y", "c@z");
        assertThat(InboundEmails.messageIds("<a@x>,<b@y>")).containsExactly("a@x", "b@y");
        assertThat(InboundEmails.messageIds("  <a@x>   <b@y>  ")).containsExactly("a@x", "b@y");
        assertThat(InboundEmails.messageIds("<a@x> (Ann's message of Mon, 3 Mar 2025)")).containsExactly("a@x");
        assertThat(InboundEmails.messageIds("Your message of Mon, 3 Mar 2025 <a@x>")).containsExactly("a@x");
        assertThat(InboundEmails.messageIds("<broken-fold\r\n @x>")).containsExactly("broken-fold@x");
        assertThat(InboundEmails.messageIds("<unclosed@x")).containsExactly("unclosed@x");
        assertThat(InboundEmails.messageIds("   ")).isEmpty();
        assertThat(InboundEmails.messageIds(null)).isEmpty();
    }

    @Test
    void a_message_id_without_brackets_or_at_sign_is_still_kept() {
        assertThat(InboundEmails.firstId(" 1234.5678 ")).isEqualTo("1234.5678");
        assertThat(InboundEmails.firstId("")).isNull();
    }

    @Test
    void an_unreadable_sender_becomes_null_and_a_bare_local_part_is_kept() {
        assertThat(InboundEmails.bareAddress("not an address at all")).isNull();
        assertThat(InboundEmails.bareAddress("<>")).isNull();
        assertThat(InboundEmails.bareAddress("undisclosed-recipients:;")).isNull();
        assertThat(InboundEmails.bareAddress("MAILER-DAEMON (Mail Delivery Subsystem)")).isEqualTo("mailer-daemon");
        assertThat(InboundEmails.bareAddress("Team: Bob <Bob@x.org>;")).isEqualTo("bob@x.org");
    }

    @Test
    void a_subject_in_an_unknown_charset_is_kept_raw_rather_than_failing() {
        InboundEmail m = Messages.inbound("""
                Message-ID: <x@y>
                Subject: =?x-no-such-charset?Q?abc?=

                """);

        assertThat(m.subject()).contains("abc");
    }

    @Test
    void a_message_without_the_usual_headers_still_converts() {
        InboundEmail m = Messages.inbound("""
                X-Only: this

                body
                """);

        assertThat(m.messageId()).isNull();
        assertThat(m.from()).isNull();
        assertThat(m.subject()).isNull();
        assertThat(m.inReplyTo()).isEmpty();
        assertThat(m.references()).isEmpty();
    }
}
