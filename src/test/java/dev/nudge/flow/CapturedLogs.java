package dev.nudge.flow;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Every log event of the JVM while attached, at every level, as text: the
 * formatted message, its arguments and the whole stack trace with causes, since
 * a secret can hide in any of them.
 */
final class CapturedLogs extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private final List<String> lines = new ArrayList<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Level rootLevel = root.getLevel();

    private CapturedLogs() {
    }

    /** Attaches to the root logger and turns it up to TRACE until closed. */
    static CapturedLogs attach() {
        CapturedLogs logs = new CapturedLogs();
        logs.setContext(logs.root.getLoggerContext());
        logs.setName("captured-logs");
        logs.start();
        logs.root.addAppender(logs);
        logs.root.setLevel(Level.TRACE);
        return logs;
    }

    @Override
    protected synchronized void append(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getLoggerName()).append(' ').append(event.getLevel())
                .append(' ').append(event.getFormattedMessage());
        if (event.getArgumentArray() != null) {
            for (Object arg : event.getArgumentArray()) {
                text.append(" | ").append(arg);
            }
        }
        if (event.getThrowableProxy() != null) {
            text.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
        }
        lines.add(text.toString());
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        root.detachAppender(this);
        root.setLevel(rootLevel);
        stop();
    }
}
