package uk.org.quadrant.gateway.notifications.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/**
 * A tiny SMTP relay on a free local port for the replies GreenMail never gives: it answers RCPT TO with
 * the reply it is told to (a 550 rejection, a 451 "try later"), or, silent, accepts the connection and
 * never says a word (a relay that hangs).
 */
final class ScriptedSmtpRelay implements AutoCloseable {

    private final ServerSocket server;
    private final Thread thread;

    private ScriptedSmtpRelay(String rcptReply, boolean silent) throws IOException {
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> serve(rcptReply, silent), "scripted-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    /** Answers every RCPT TO with this reply, e.g. "550 5.1.1 No such user". */
    static ScriptedSmtpRelay answeringRcpt(String reply) throws IOException {
        return new ScriptedSmtpRelay(reply, false);
    }

    /** Accepts connections and never answers. */
    static ScriptedSmtpRelay silent() throws IOException {
        return new ScriptedSmtpRelay(null, true);
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve(String rcptReply, boolean silent) {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                if (silent) {
                    socket.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                    continue;
                }
                converse(socket, rcptReply);
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                // one conversation went wrong: serve the next
            }
        }
    }

    private static void converse(Socket socket, String rcptReply) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII);
        reply(out, "220 scripted.test ESMTP");
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
            switch (command) {
                case "EHLO", "HELO" -> reply(out, "250 scripted.test");
                case "MAIL", "RSET", "NOOP" -> reply(out, "250 OK");
                case "RCPT" -> reply(out, rcptReply);
                case "DATA" -> {
                    reply(out, "354 go ahead");
                    for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
                        // the message is not kept
                    }
                    reply(out, "250 OK");
                }
                case "QUIT" -> {
                    reply(out, "221 bye");
                    return;
                }
                default -> reply(out, "502 not implemented");
            }
        }
    }

    private static void reply(Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
