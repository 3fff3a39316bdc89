package dev.supernodetwin.app.notify;

import dev.supernodetwin.core.alert.AlertEvent;

import java.util.List;

/** How one kind of receiver sends: called by its {@link SenderThread} only. */
interface Delivery {

    /** The most events handed to one {@link #handle} call. */
    int batch();

    /**
     * Sends the events taken from the queue (maybe none) and whatever else is due.
     *
     * @return how long, in ms, the sender may wait for new events before calling again
     * @throws InterruptedException at shutdown
     */
    long handle(List<AlertEvent> events) throws InterruptedException;
}
