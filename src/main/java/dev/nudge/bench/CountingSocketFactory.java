package dev.nudge.bench;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.SocketFactory;

/**
 * Plain sockets that count the bytes read from the server and keep the
 * commands the client sent and the server's answers, for Angus Mail's
 * {@code mail.imap.socketFactory}. Login lines are never kept.
 */
final class CountingSocketFactory extends SocketFactory {

    private static final int MAX_KEPT = 64 * 1024;

    private final AtomicLong read = new AtomicLong();
    private final StringBuilder written = new StringBuilder();
    private final StringBuilder answers = new StringBuilder();

    /** Starts counting afresh. */
    synchronized void reset() {
        read.set(0);
        written.setLength(0);
        answers.setLength(0);
    }

    /**
     * The time the server says it took for a command, in milliseconds, from Dovecot's
     * "OK ... completed (0.300 + 0.000 + 0.299 secs)", summed over every such answer
     * naming {@code verb}, a regular expression (e.g. "Examine"); NaN when there is none.
     */
    synchronized double serverMillis(String verb) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile(" OK (\\[[^\\]]*] )?" + verb + " completed \\(([0-9.]+) ").matcher(answers);
        double total = Double.NaN;
        while (m.find()) {
            total = (Double.isNaN(total) ? 0 : total) + Double.parseDouble(m.group(2)) * 1000;
        }
        return total;
    }

    long bytesRead() {
        return read.get();
    }

    /** The command lines sent since the last reset, without tags, logins and literals' contents. */
    synchronized List<String> commands() {
        List<String> commands = new ArrayList<>();
        for (String line : written.toString().split("\r\n")) {
            String[] tagged = line.split(" ", 2);
            if (tagged.length == 2 && tagged[0].matches("[A-Z]+\\d+")) {
                String command = tagged[1];
                commands.add(command.startsWith("LOGIN") || command.startsWith("AUTHENTICATE")
                        ? command.split(" ", 2)[0] + " ..." : command);
            }
        }
        return commands;
    }

    private synchronized void wrote(byte[] b, int off, int len) {
        if (written.length() < MAX_KEPT) {
            written.append(new String(b, off, Math.min(len, MAX_KEPT), StandardCharsets.ISO_8859_1));
        }
    }

    private synchronized void answered(byte[] b, int off, int len) {
        if (answers.length() < MAX_KEPT) {
            answers.append(new String(b, off, Math.min(len, MAX_KEPT), StandardCharsets.ISO_8859_1));
        }
    }

    @Override
    public Socket createSocket() {
        return new CountingSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket s = new CountingSocket();
        s.connect(new InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        Socket s = new CountingSocket();
        s.bind(new InetSocketAddress(localHost, localPort));
        s.connect(new InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket s = new CountingSocket();
        s.connect(new InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        Socket s = new CountingSocket();
        s.bind(new InetSocketAddress(localAddress, localPort));
        s.connect(new InetSocketAddress(address, port));
        return s;
    }

    private final class CountingSocket extends Socket {

        private InputStream in;
        private OutputStream out;

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (in == null) {
                in = new FilterInputStream(super.getInputStream()) {
                    @Override
                    public int read() throws IOException {
                        int b = super.read();
                        if (b >= 0) {
                            read.incrementAndGet();
                            answered(new byte[] {(byte) b}, 0, 1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        int n = super.read(b, off, len);
                        if (n > 0) {
                            read.addAndGet(n);
                            answered(b, off, n);
                        }
                        return n;
                    }
                };
            }
            return in;
        }

        @Override
        public synchronized OutputStream getOutputStream() throws IOException {
            if (out == null) {
                out = new FilterOutputStream(super.getOutputStream()) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        wrote(b, off, len);
                        super.out.write(b, off, len);
                    }

                    @Override
                    public void write(int b) throws IOException {
                        wrote(new byte[] {(byte) b}, 0, 1);
                        super.out.write(b);
                    }
                };
            }
            return out;
        }
    }
}
