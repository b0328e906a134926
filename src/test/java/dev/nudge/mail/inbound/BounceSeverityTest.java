package dev.nudge.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BounceSeverityTest {

    @ParameterizedTest(name = "{0} \"{1}\" is {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            5.1.1 | 550 5.1.1 <ann@example.org>: Recipient address rejected: User unknown in local recipient table | HARD
            5.0.0 | 550 No such user here                                                      | HARD
            5.0.0 | 550 Requested action not taken: mailbox unavailable                        | HARD
            5.0.0 | 550 User [ann@example.org] does not exist                                   | HARD
            5.7.1 | 550 5.7.1 No such user                                                     | HARD
            5.1.10| 550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup | HARD
            5.2.1 | 550 5.2.1 The email account that you tried to reach is disabled.           | HARD
            5.0.0 | 551 <ann@example.org> is a deactivated mailbox                              | HARD
            5.1.2 | 550 Host unknown                                                           | HARD
            5.4.4 | Host or domain name not found. Name service error: host unknown            | HARD
            5.0.0 | [example.org]: Name or service not known                                   | HARD
            5.1.1 | -                                                                          | HARD
            5.2.1 | 550 5.2.1 Mailbox temporarily disabled, try again later                    | SOFT
            5.2.1 | -                                                                          | SOFT
            5.2.2 | 552 5.2.2 Mailbox full                                                     | SOFT
            4.2.2 | 452 4.2.2 The email account that you tried to reach is over quota          | SOFT
            5.0.0 | 550 User has too many messages on the server                               | SOFT
            5.3.4 | message size 18876259 exceeds size limit 10485760 of server mx.example.org | SOFT
            5.2.3 | 550 5.2.3 RESOLVER.RST.RecipSizeLimit; message too large for this recipient | SOFT
            5.1.1 | 550 RCPT TO:<ann@example.org> max message size exceeded                    | SOFT
            5.7.1 | 554 5.7.1 Message cannot be accepted, spam rejection                       | SOFT
            5.0.0 | 554 Service unavailable; Client host [192.0.2.1] blocked using bl.spamcop.net | SOFT
            5.7.1 | 550 5.7.1 Your email breaches local URIBL policy.                          | SOFT
            5.7.1 | 550 5.7.1 Rejected - bulk email                                            | SOFT
            5.0.0 | 554 <bounce@example.org>: Relay access denied                              | SOFT
            5.0.0 | 550 <a@example.com>... Relaying denied                                     | SOFT
            5.7.1 | 553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)      | SOFT
            5.0.0 | 550 Your server requires confirmation. Visit the whitelist page to confirm | SOFT
            4.4.7 | Delivery time expired                                                      | SOFT
            4.0.0 | 450 User unknown                                                           | SOFT
            5.0.0 | 554 Service currently unavailable                                          | SOFT
            5.0.0 | -                                                                          | SOFT
            -     | -                                                                          | SOFT
            -     | all hosts have been failing for a long time                                | SOFT
            """)
    void hard_only_when_the_address_or_domain_is_dead(String status, String text, BounceType expected) {
        assertThat(BounceSeverity.of(status, text)).isEqualTo(expected);
    }
}
