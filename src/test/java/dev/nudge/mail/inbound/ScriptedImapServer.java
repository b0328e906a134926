package dev.nudge.mail.inbound;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A few dozen lines of IMAP for what GreenMail cannot play: a server without
 * IDLE, and RFC 6154 special-use attributes in LIST. Every folder it lists is
 * empty. It records the commands it was sent.
 */
final class ScriptedImapServer implements AutoCloseable {

    private final String capabilities;
    private final List<String> listLines;
    private final ServerSocket socket;
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    /**
     * @param capabilities e.g. {@code "IMAP4rev1"} or {@code "IMAP4rev1 IDLE SPECIAL-USE"}
     * @param listLines    untagged LIST answers, e.g. {@code * LIST (\Junk) "/" "Bulk Mail"}
     */
    ScriptedImapServer(String capabilities, List<String> listLines) {
        this.capabilities = capabilities;
        this.listLines = List.copyOf(listLines);
        try {
            this.socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.acceptor = new Thread(this::accept, "scripted-imap");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Command lines received so far, tags removed, e.g. {@code EXAMINE "Bulk Mail"}. */
    List<String> commands() {
        return List.copyOf(commands);
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread session = new Thread(() -> serve(client), "scripted-imap-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client;
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                     StandardCharsets.US_ASCII));
             OutputStream out = client.getOutputStream()) {
            send(out, List.of("* OK scripted IMAP ready"));
            String line;
            while ((line = in.readLine()) != null) {
                int space = line.indexOf(' ');
                String tag = space < 0 ? line : line.substring(0, space);
                String command = space < 0 ? "" : line.substring(space + 1);
                commands.add(command);
                send(out, answer(tag, command));
                if (command.toUpperCase(Locale.ROOT).startsWith("LOGOUT")) {
                    return;
                }
            }
        } catch (IOException e) {
            // The client went away; nothing to clean up.
        }
    }

    private List<String> answer(String tag, String command) {
        String verb = command.split(" ", 2)[0].toUpperCase(Locale.ROOT);
        List<String> lines = new ArrayList<>();
        switch (verb) {
            case "CAPABILITY" -> lines.add("* CAPABILITY " + capabilities);
            case "LIST" -> lines.addAll(listed(command));
            case "EXAMINE", "SELECT" -> lines.addAll(List.of("* 0 EXISTS", "* 0 RECENT", "* FLAGS (\\Seen)",
                    "* OK [UIDVALIDITY 7] UIDs valid", "* OK [UIDNEXT 1] next"));
            case "LOGOUT" -> lines.add("* BYE scripted IMAP closing");
            default -> {
            }
        }
        lines.add(tag + " OK " + verb + " done");
        return lines;
    }

    // LIST "" * lists everything, LIST "" "" the root, LIST "" "name" only that folder.
    private List<String> listed(String command) {
        String args = command.substring(command.indexOf(' ') + 1);
        String pattern;
        if (args.endsWith("\"")) {
            pattern = args.substring(args.lastIndexOf('"', args.length() - 2) + 1, args.length() - 1);
        } else {
            pattern = args.substring(args.lastIndexOf(' ') + 1);
        }
        if (pattern.isEmpty()) {
            return List.of("* LIST (\\Noselect) \"/\" \"\"");
        }
        if (pattern.equals("*") || pattern.equals("%")) {
            return listLines;
        }
        return listLines.stream().filter(l -> l.endsWith("\"" + pattern + "\"")).toList();
    }

    private static void send(OutputStream out, List<String> lines) throws IOException {
        for (String l : lines) {
            out.write((l + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
