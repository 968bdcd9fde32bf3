package dev.cartflow.model;

/** Why a promotion gave what it gave on a priced cart. */
public enum PromotionResult {
    /** Gave its full action, more than zero. */
    APPLIED,
    /** Gave less than its action because of its cap or a zero floor. */
    CAPPED,
    /** No line matches its filters. */
    NO_TARGET,
    /** A condition fails, or its action gives nothing on the targeted lines as they stand. */
    CONDITION_NOT_MET,
    /** Its code is not applied to the cart. */
    CODE_NOT_APPLIED,
    /** Before its validity window. */
    NOT_STARTED,
    /** After its validity window. */
    EXPIRED,
    /** No uses left. */
    EXHAUSTED,
    /** Not evaluated because a {@code STOP_FURTHER} promotion before it applied. */
    STOPPED,
    /** Lost to an exclusive option that gives the customer more. */
    EXCLUDED
}
