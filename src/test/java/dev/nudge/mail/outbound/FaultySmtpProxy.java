package dev.nudge.mail.outbound;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMTP relay on 127.0.0.1 in front of a real server that misbehaves on
 * purpose, as mail servers and networks do: temporary refusals, unknown users,
 * connections cut before or after the message was taken, and a stall that only
 * the client's read timeout ends. Every decision comes from one seeded Random,
 * so a failing run can be replayed.
 *
 * <p>It answers {@code DATA} itself and holds the message until the final
 * ".": a refusal at that point can then be staged without the real server ever
 * seeing the message.
 */
public final class FaultySmtpProxy implements AutoCloseable {

    /**
     * What to break, as chances per command (0..1).
     *
     * @param tempFailRcpt     answer RCPT with 421 (and hang up) or 451, half each
     * @param tempFailDataEnd  answer the final "." with 421 (and hang up) or 451, half each
     * @param dropAtData       hang up on the DATA command: the message is never written
     * @param dropAfterAccept  let the real server accept the message, then hang up
     *                         before its 250 reaches the client
     * @param unknownUsers     addresses whose RCPT gets "550 5.1.1 user unknown"
     * @param stallsAtRcpt     how many RCPTs to swallow without ever answering
     */
    public record Faults(long seed, double tempFailRcpt, double tempFailDataEnd, double dropAtData,
                         double dropAfterAccept, Set<String> unknownUsers, int stallsAtRcpt) {

        public static Faults none() {
            return new Faults(1, 0, 0, 0, 0, Set.of(), 0);
        }
    }

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final int upstreamPort;
    private final Faults faults;
    private final Random random;
    private final ServerSocket listener;
    private final AtomicInteger stallsLeft;
    private final List<Socket> open = new ArrayList<>();
    private final Set<String> transientlyRefused = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<String> acceptedThenDropped = new ConcurrentLinkedQueue<>();
    private final AtomicInteger injected = new AtomicInteger();
    private final AtomicInteger stalled = new AtomicInteger();

    public FaultySmtpProxy(int upstreamPort, Faults faults) throws IOException {
        this.upstreamPort = upstreamPort;
        this.faults = faults;
        this.random = new Random(faults.seed());
        this.stallsLeft = new AtomicInteger(faults.stallsAtRcpt());
        this.listener = new ServerSocket(0, 50, LOOPBACK);
        Thread acceptor = new Thread(this::acceptLoop, "faulty-smtp-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Recipients that got a 421/451, a stall or a hang-up before their message was written. */
    public Set<String> transientlyRefused() {
        return Set.copyOf(transientlyRefused);
    }

    /** Message-IDs (with brackets) the real server accepted but whose 250 the client never got. */
    public List<String> acceptedThenDropped() {
        return List.copyOf(acceptedThenDropped);
    }

    /** How many faults of any kind were staged. */
    public int injected() {
        return injected.get();
    }

    /** How many commands were left unanswered until the client gave up. */
    public int stalled() {
        return stalled.get();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                synchronized (open) {
                    open.add(client);
                }
                Thread t = new Thread(() -> relay(client), "faulty-smtp-relay");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void relay(Socket client) {
        try (client; Socket server = new Socket(LOOPBACK, upstreamPort)) {
            server.setSoTimeout(30_000);
            new Session(client, server).run();
        } catch (IOException gone) {
            // Either side hung up; a real relay would log it and move on too.
        }
    }

    private synchronized boolean chance(double p) {
        return p > 0 && random.nextDouble() < p;
    }

    private synchronized boolean coin() {
        return random.nextBoolean();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        synchronized (open) {
            for (Socket s : open) {
                s.close();
            }
        }
    }

    /** One client connection and its own connection to the real server. */
    private final class Session {
        private final BufferedReader fromClient;
        private final OutputStream toClient;
        private final BufferedReader fromServer;
        private final OutputStream toServer;
        private String recipient;

        Session(Socket client, Socket server) throws IOException {
            fromClient = reader(client);
            toClient = client.getOutputStream();
            fromServer = reader(server);
            toServer = server.getOutputStream();
        }

        void run() throws IOException {
            write(toClient, readReply());
            for (String line = fromClient.readLine(); line != null; line = fromClient.readLine()) {
                String upper = line.toUpperCase(Locale.ROOT);
                boolean goOn;
                if (upper.startsWith("RCPT TO:")) {
                    goOn = rcpt(line);
                } else if (upper.equals("DATA")) {
                    goOn = data();
                } else {
                    goOn = forward(line) && !upper.equals("QUIT");
                }
                if (!goOn) {
                    return;
                }
            }
        }

        private boolean rcpt(String line) throws IOException {
            recipient = line.substring(line.indexOf(':') + 1).replaceAll("[<> ]", "").toLowerCase(Locale.ROOT);
            if (faults.unknownUsers().contains(recipient)) {
                injected.incrementAndGet();
                return answer("550 5.1.1 <" + recipient + ">: user unknown");
            }
            if (stallsLeft.getAndDecrement() > 0) {
                // Reads nothing and answers nothing until the client's timeout closes the socket.
                transientlyRefused.add(recipient);
                injected.incrementAndGet();
                stalled.incrementAndGet();
                while (fromClient.read() >= 0) {
                    continue;
                }
                return false;
            }
            if (chance(faults.tempFailRcpt())) {
                return temporaryRefusal();
            }
            return forward(line);
        }

        private boolean data() throws IOException {
            if (chance(faults.dropAtData())) {
                transientlyRefused.add(recipient);
                injected.incrementAndGet();
                return false;
            }
            answer("354 End data with <CR><LF>.<CR><LF>");
            StringBuilder message = new StringBuilder();
            for (String line = fromClient.readLine(); !".".equals(line); line = fromClient.readLine()) {
                if (line == null) {
                    return false;
                }
                message.append(line).append("\r\n");
            }
            if (chance(faults.tempFailDataEnd())) {
                // The real server forgets the transaction; the client hears only our refusal.
                write(toServer, "RSET\r\n");
                readReply();
                return temporaryRefusal();
            }
            return deliver(message.toString());
        }

        private boolean deliver(String message) throws IOException {
            write(toServer, "DATA\r\n");
            String go = readReply();
            if (!go.startsWith("354")) {
                write(toClient, go);
                return true;
            }
            write(toServer, message + ".\r\n");
            String reply = readReply();
            if (reply.startsWith("250") && chance(faults.dropAfterAccept())) {
                acceptedThenDropped.add(messageId(message));
                injected.incrementAndGet();
                return false;
            }
            write(toClient, reply);
            return true;
        }

        private boolean temporaryRefusal() throws IOException {
            transientlyRefused.add(recipient);
            injected.incrementAndGet();
            if (coin()) {
                answer("421 4.3.2 Service shutting down, closing transmission channel");
                return false;
            }
            return answer("451 4.3.0 Temporary local problem, try again later");
        }

        private boolean forward(String line) throws IOException {
            write(toServer, line + "\r\n");
            write(toClient, readReply());
            return true;
        }

        private boolean answer(String reply) throws IOException {
            write(toClient, reply + "\r\n");
            return true;
        }

        // A reply is complete at the line whose code is followed by a space, not a dash.
        private String readReply() throws IOException {
            StringBuilder reply = new StringBuilder();
            String line;
            do {
                line = fromServer.readLine();
                if (line == null) {
                    throw new IOException("the real server hung up");
                }
                reply.append(line).append("\r\n");
            } while (line.length() > 3 && line.charAt(3) == '-');
            return reply.toString();
        }
    }

    private static String messageId(String message) {
        for (String line : message.split("\r\n")) {
            if (line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                return line.substring(11).strip();
            }
            if (line.isEmpty()) {
                break;
            }
        }
        return "";
    }

    private static BufferedReader reader(Socket socket) throws IOException {
        // Latin-1 maps every byte to one char and back, so the message passes through unchanged.
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }
}
