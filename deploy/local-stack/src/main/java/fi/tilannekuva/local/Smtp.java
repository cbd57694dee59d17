package fi.tilannekuva.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;

/**
 * A real SMTP server (GreenMail, from Maven Central) that keeps what it receives in memory: the round reminders of
 * status-service go to it in the tests and on the local stack, where nothing may leave the machine.
 */
public final class Smtp {

    private final int port;
    private GreenMail server;

    /** An SMTP server on 127.0.0.1:{@code port}, not started yet. */
    public Smtp(int port) {
        this.port = port;
    }

    /** Starts accepting mail. */
    public synchronized void start() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
    }

    /** The port it listens on. */
    public int port() {
        return port;
    }

    /** Every message received so far, in order. */
    public synchronized List<MimeMessage> received() {
        return server == null ? List.of() : List.of(server.getReceivedMessages());
    }

    /** Stops it; what it received is gone. */
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }
}
