package fi.tilannekuva.status.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.ext.mail.SMTPException;
import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * Which failed reminder mails are sent once more: only those the server certainly did not take, so that a contact
 * never gets the same reminder twice (the mail flow itself is read from a real SMTP server in ReminderMailTest).
 */
class RoundRemindersUndeliveredTest {

    private static SMTPException reply(String stage, String line) {
        return new SMTPException(stage, Integer.parseInt(line.substring(0, 3)), List.of(line), false);
    }

    @Test
    void aMailRefusedBeforeItsTextIsSentAgain() {
        String gaveUp = "421 Service shutting down and closing transmission channel";
        assertTrue(RoundReminders.undelivered(reply("recipient address not accepted", gaveUp)));
        assertTrue(RoundReminders.undelivered(reply("sender address not accepted", gaveUp)));
        assertTrue(RoundReminders.undelivered(new CompletionException(reply("DATA command not accepted", gaveUp))));
        assertTrue(RoundReminders.undelivered(new CompletionException(new ConnectException("Connection refused"))));
    }

    @Test
    void aMailThatMayHaveArrivedIsNotSentAgain() {
        assertFalse(RoundReminders.undelivered(
                reply(RoundReminders.AFTER_TEXT, "421 Service shutting down and closing transmission channel")));
        assertFalse(RoundReminders.undelivered(new NoStackTraceThrowable("Connection was closed.")));
        assertFalse(RoundReminders.undelivered(new io.smallrye.mutiny.TimeoutException()));
        assertFalse(RoundReminders.undelivered(new IllegalStateException("anything else")));
    }
}
