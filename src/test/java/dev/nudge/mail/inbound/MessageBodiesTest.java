package dev.nudge.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MessageBodiesTest {

    private static final String HEADERS = """
            From: Bob Builder <bob@contoso.example>
            To: Jane Roe <jane@example.com>
            Subject: Re: Following up
            MIME-Version: 1.0
            """;

    @Test
    void multipart_alternative_gives_its_plain_text_part() {
        String raw = HEADERS + """
                Content-Type: multipart/alternative; boundary="alt"

                --alt
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: quoted-printable

                Gr=C3=BC=C3=9Fe, see you Tuesday.
                --alt
                Content-Type: text/html; charset=UTF-8

                <p>HTML version</p>
                --alt--
                """;

        assertThat(MessageBodies.plainText(bytes(raw))).isEqualTo("Grüße, see you Tuesday.");
    }

    @Test
    void plain_text_inside_multipart_mixed_is_found_and_attachments_are_not_read() {
        String raw = HEADERS + """
                Content-Type: multipart/mixed; boundary="mix"

                --mix
                Content-Type: text/plain; charset=UTF-8; name="notes.txt"
                Content-Disposition: attachment; filename="notes.txt"

                Attached notes: unsubscribe
                --mix
                Content-Type: multipart/alternative; boundary="alt"

                --alt
                Content-Type: text/plain; charset=UTF-8

                The body.
                --alt--
                --mix--
                """;

        assertThat(MessageBodies.plainText(bytes(raw))).isEqualTo("The body.");
    }

    @Test
    void html_only_reply_becomes_text_with_its_blockquote_quoted() {
        String raw = HEADERS + """
                Content-Type: text/html; charset=UTF-8

                <html><head><style>p { color: red; }</style><title>x</title></head><body>
                <div dir="ltr">Caf&eacute; at 10&nbsp;am?<br>Fine by me &amp; Ann &lt;3 &#8211; &#x263A;</div>
                <div class="gmail_quote"><div class="gmail_attr">On Mon, 2 Mar 2026 at 10:00, Jane Roe
                &lt;<a href="mailto:jane@example.com">jane@example.com</a>&gt; wrote:<br></div>
                <blockquote class="gmail_quote" style="margin:0 0 0 .8ex">
                <p>Does Tuesday suit you?</p><p>Reply <b>unsubscribe</b> to stop.</p>
                <blockquote>Older text</blockquote></blockquote></div>
                <!-- a comment with <p>tags</p> --></body></html>
                """;

        String text = MessageBodies.plainText(bytes(raw));

        assertThat(text).isEqualTo("""
                Café at 10 am?
                Fine by me & Ann <3 – ☺
                On Mon, 2 Mar 2026 at 10:00, Jane Roe <jane@example.com> wrote:
                > Does Tuesday suit you?
                > Reply unsubscribe to stop.
                > > Older text""");
        assertThat(ReplyText.newText(text)).isEqualTo("Café at 10 am?\nFine by me & Ann <3 – ☺");
        assertThat(RemovalRequest.find(ReplyText.newText(text))).isEmpty();
    }

    @Test
    void html_outlook_reply_header_block_is_cut_by_reply_text() {
        String raw = HEADERS + """
                Content-Type: text/html; charset=windows-1252

                <p class=MsoNormal>Not interested, please remove me.</p>
                <div style='border:none;border-top:solid #E1E1E1 1.0pt'><p class=MsoNormal><b>From:</b> Jane Roe
                &lt;jane@example.com&gt;<br><b>Sent:</b> Monday, March 2, 2026 10:00<br><b>To:</b> Bob<br>
                <b>Subject:</b> Following up</p></div><p class=MsoNormal>Hi Bob, just following up.</p>
                """;

        String newText = ReplyText.newText(MessageBodies.plainText(bytes(raw)));

        assertThat(newText).isEqualTo("Not interested, please remove me.");
        assertThat(RemovalRequest.find(newText)).contains("remove me");
    }

    @Test
    void a_part_with_an_unknown_charset_is_skipped_for_a_readable_alternative() {
        String raw = HEADERS + """
                Content-Type: multipart/alternative; boundary="alt"

                --alt
                Content-Type: text/plain; charset=x-no-such-charset

                Unreadable
                --alt
                Content-Type: text/html; charset=UTF-8

                <p>Readable</p>
                --alt--
                """;

        assertThat(MessageBodies.plainText(bytes(raw))).isEqualTo("Readable");
    }

    @Test
    void a_single_part_with_an_unknown_charset_gives_no_text() {
        String raw = HEADERS + "Content-Type: text/plain; charset=\"unknown-8bit\"\n\nGr\u00fc\u00dfe\n";

        assertThat(MessageBodies.plainText(raw.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1)))
                .isEmpty();
    }

    @Test
    void declared_charsets_are_honoured() {
        String raw = HEADERS + "Content-Type: text/plain; charset=ISO-8859-1\n\nGr\u00fc\u00dfe\n";

        assertThat(MessageBodies.plainText(raw.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1)))
                .isEqualTo("Grüße\n");
    }

    @Test
    void unlabelled_text_that_is_not_utf8_reads_as_windows_1252() {
        String raw = "Subject: hi\n\nGr\u00fc\u00dfe \u2013 Bob\n";

        assertThat(MessageBodies.plainText(raw.replace("\n", "\r\n").getBytes(Charset.forName("windows-1252"))))
                .isEqualTo("Grüße – Bob\n");
    }

    @Test
    void a_multipart_without_its_boundary_gives_no_text_and_no_exception() {
        String raw = HEADERS + """
                Content-Type: multipart/alternative; boundary="missing"

                --other
                Content-Type: text/plain

                text
                """;

        assertThat(MessageBodies.plainText(bytes(raw))).isEmpty();
    }

    @Test
    void garbage_bytes_never_throw() {
        Random random = new Random(42);
        for (int n = 0; n < 200; n++) {
            byte[] garbage = new byte[random.nextInt(4000)];
            random.nextBytes(garbage);

            assertThat(MessageBodies.plainText(garbage)).isNotNull();
        }
        assertThat(MessageBodies.plainText(new byte[0])).isEmpty();
        assertThat(MessageBodies.plainText(null)).isEmpty();
    }

    @Test
    void a_message_without_text_gives_empty_text() {
        String raw = HEADERS + """
                Content-Type: multipart/mixed; boundary="mix"

                --mix
                Content-Type: image/png
                Content-Transfer-Encoding: base64

                iVBORw0KGgo=
                --mix--
                """;

        assertThat(MessageBodies.plainText(bytes(raw))).isEmpty();
    }

    @Test
    void at_most_200_kb_of_a_part_is_read() {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.writeBytes(bytes("Subject: big\nContent-Type: text/plain; charset=US-ASCII\n\n"));
        raw.writeBytes("x".repeat(1024 * 1024).getBytes(StandardCharsets.US_ASCII));

        assertThat(MessageBodies.plainText(raw.toByteArray())).hasSize(MessageBodies.MAX_BYTES);
    }

    private static byte[] bytes(String raw) {
        return raw.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
