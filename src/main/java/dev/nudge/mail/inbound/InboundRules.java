package dev.nudge.mail.inbound;

import dev.nudge.config.ReplyConfig;
import dev.nudge.sequence.SequenceCatalog;
import java.time.ZoneId;

/** What the inbox sync needs to know to act on mail: the sequences' rules, the reply settings, the zone. */
public record InboundRules(SequenceCatalog sequences, ReplyConfig replies, ZoneId zone) {
}
