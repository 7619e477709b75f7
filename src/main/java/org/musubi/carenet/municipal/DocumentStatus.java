package org.musubi.carenet.municipal;

/**
 * Where a document stands, like a referral: {@code REQUESTED} (a municipality asked a doctor; overdue after its due
 * date), {@code RECEIVED} (the opinion or sheet arrived; unread until the addressee opens it), {@code COMPLETED} (the
 * municipality took it into the certification), {@code DECLINED} (the doctor declined, with a reason).
 */
public enum DocumentStatus {
    REQUESTED, RECEIVED, COMPLETED, DECLINED
}
