package dev.cartflow.spring;

import dev.cartflow.model.PricingPolicy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every option of CartFlow under {@code cartflow.*}. Each setter checks its value, so a bad value
 * fails start-up with the property's name in Boot's binding report.
 */
@ConfigurationProperties("cartflow")
public class CartFlowProperties {
    /** Limits of one cart. */
    private final Limits limits = new Limits();
    /** How prices are taxed and rounded. */
    private final Pricing pricing = new Pricing();
    /** PostgreSQL storage through cart-jdbi. */
    private final Jdbi jdbi = new Jdbi();
    /** The outbox dispatcher of cart-jdbi. */
    private final Outbox outbox = new Outbox();
    /** Meters through cart-micrometer. */
    private final Metrics metrics = new Metrics();
    /** Life of a guest cart after its last change. */
    private Duration guestTtl = Duration.ofDays(30);
    /** Life of a customer cart after its last change. */
    private Duration customerTtl = Duration.ofDays(90);
    /** How long a stored response answers a retried request with the same idempotency key. */
    private Duration idempotencyTtl = Duration.ofHours(24);
    /** How long an operation re-applies itself after concurrent changes before giving up with VERSION_CONFLICT. */
    private Duration conflictRetryBudget = Duration.ofSeconds(5);
    /** Largest cart metadata document, in UTF-8 bytes. */
    private int maxMetadataBytes = 4096;
    /**
     * Base64 key (at least 16 bytes) of the keyed pseudonyms that stand for customers in logs,
     * metrics and the audit trail; give every instance the same one. Random per instance when unset.
     */
    private @Nullable String pseudonymKey;

    /** @return the limits */
    public Limits getLimits() {
        return limits;
    }

    /** @return the pricing options */
    public Pricing getPricing() {
        return pricing;
    }

    /** @return the cart-jdbi options */
    public Jdbi getJdbi() {
        return jdbi;
    }

    /** @return the outbox options */
    public Outbox getOutbox() {
        return outbox;
    }

    /** @return the metrics options */
    public Metrics getMetrics() {
        return metrics;
    }

    /** @return the guest cart TTL */
    public Duration getGuestTtl() {
        return guestTtl;
    }

    /** @param guestTtl the guest cart TTL, positive */
    public void setGuestTtl(Duration guestTtl) {
        this.guestTtl = Checked.positive("cartflow.guest-ttl", guestTtl);
    }

    /** @return the customer cart TTL */
    public Duration getCustomerTtl() {
        return customerTtl;
    }

    /** @param customerTtl the customer cart TTL, positive */
    public void setCustomerTtl(Duration customerTtl) {
        this.customerTtl = Checked.positive("cartflow.customer-ttl", customerTtl);
    }

    /** @return the idempotency TTL */
    public Duration getIdempotencyTtl() {
        return idempotencyTtl;
    }

    /** @param idempotencyTtl the idempotency TTL, positive */
    public void setIdempotencyTtl(Duration idempotencyTtl) {
        this.idempotencyTtl = Checked.positive("cartflow.idempotency-ttl", idempotencyTtl);
    }

    /** @return the conflict retry budget */
    public Duration getConflictRetryBudget() {
        return conflictRetryBudget;
    }

    /** @param conflictRetryBudget the conflict retry budget, zero or more */
    public void setConflictRetryBudget(Duration conflictRetryBudget) {
        this.conflictRetryBudget = Checked.notNegative("cartflow.conflict-retry-budget", conflictRetryBudget);
    }

    /** @return the metadata limit in bytes */
    public int getMaxMetadataBytes() {
        return maxMetadataBytes;
    }

    /** @param maxMetadataBytes the metadata limit in bytes, at least 2 */
    public void setMaxMetadataBytes(int maxMetadataBytes) {
        this.maxMetadataBytes = Checked.atLeast("cartflow.max-metadata-bytes", maxMetadataBytes, 2);
    }

    /** @return the pseudonym key in Base64, or null */
    public @Nullable String getPseudonymKey() {
        return pseudonymKey;
    }

    /** @param pseudonymKey the pseudonym key in Base64, at least 16 bytes */
    public void setPseudonymKey(@Nullable String pseudonymKey) {
        this.pseudonymKey = pseudonymKey == null ? null : Checked.base64Key("cartflow.pseudonym-key", pseudonymKey, 16);
    }

    /** Limits of one cart ({@code cartflow.limits.*}). */
    public static class Limits {
        /** Most lines on one cart. */
        private int maxLines = 200;
        /** Most units over all lines of one cart. */
        private long maxTotalQuantity = 10_000;
        /** Most coupon codes on one cart. */
        private int maxCodes = 20;
        /** Largest subtotal of a cart in {@code max-subtotal-currency}; the subtotal is not limited when unset. */
        private @Nullable BigDecimal maxSubtotal;
        /** ISO 4217 currency of {@code max-subtotal}. */
        private String maxSubtotalCurrency = "EUR";

        /** @return most lines */
        public int getMaxLines() {
            return maxLines;
        }

        /** @param maxLines most lines, at least 1 */
        public void setMaxLines(int maxLines) {
            this.maxLines = Checked.atLeast("cartflow.limits.max-lines", maxLines, 1);
        }

        /** @return most units */
        public long getMaxTotalQuantity() {
            return maxTotalQuantity;
        }

        /** @param maxTotalQuantity most units, at least 1 */
        public void setMaxTotalQuantity(long maxTotalQuantity) {
            this.maxTotalQuantity = Checked.atLeast("cartflow.limits.max-total-quantity", maxTotalQuantity, 1);
        }

        /** @return most codes */
        public int getMaxCodes() {
            return maxCodes;
        }

        /** @param maxCodes most codes, at least 1 */
        public void setMaxCodes(int maxCodes) {
            this.maxCodes = Checked.atLeast("cartflow.limits.max-codes", maxCodes, 1);
        }

        /** @return the largest subtotal, or null */
        public @Nullable BigDecimal getMaxSubtotal() {
            return maxSubtotal;
        }

        /** @param maxSubtotal the largest subtotal, zero or more */
        public void setMaxSubtotal(@Nullable BigDecimal maxSubtotal) {
            this.maxSubtotal = maxSubtotal == null ? null : Checked.notNegative("cartflow.limits.max-subtotal", maxSubtotal);
        }

        /** @return the currency of the largest subtotal */
        public String getMaxSubtotalCurrency() {
            return maxSubtotalCurrency;
        }

        /** @param maxSubtotalCurrency an ISO 4217 code with minor units */
        public void setMaxSubtotalCurrency(String maxSubtotalCurrency) {
            this.maxSubtotalCurrency = Checked.currency("cartflow.limits.max-subtotal-currency", maxSubtotalCurrency);
        }
    }

    /** How prices are taxed and rounded ({@code cartflow.pricing.*}). */
    public static class Pricing {
        /** EXCLUSIVE: prices are net and tax is added; INCLUSIVE: prices are gross and contain the tax. */
        private PricingPolicy.TaxMode taxMode = PricingPolicy.TaxMode.EXCLUSIVE;
        /** LINE: tax rounded once per line and rate; UNIT: per unit. */
        private PricingPolicy.TaxCalculation taxCalculation = PricingPolicy.TaxCalculation.LINE;
        /** Rounding to the currency's minor unit: HALF_EVEN, HALF_UP or HALF_DOWN. */
        private RoundingMode rounding = RoundingMode.HALF_EVEN;

        /** @return the tax mode */
        public PricingPolicy.TaxMode getTaxMode() {
            return taxMode;
        }

        /** @param taxMode the tax mode */
        public void setTaxMode(PricingPolicy.TaxMode taxMode) {
            this.taxMode = Checked.present("cartflow.pricing.tax-mode", taxMode);
        }

        /** @return the tax calculation */
        public PricingPolicy.TaxCalculation getTaxCalculation() {
            return taxCalculation;
        }

        /** @param taxCalculation the tax calculation */
        public void setTaxCalculation(PricingPolicy.TaxCalculation taxCalculation) {
            this.taxCalculation = Checked.present("cartflow.pricing.tax-calculation", taxCalculation);
        }

        /** @return the rounding */
        public RoundingMode getRounding() {
            return rounding;
        }

        /** @param rounding HALF_EVEN, HALF_UP or HALF_DOWN */
        public void setRounding(RoundingMode rounding) {
            this.rounding = Checked.halfRounding("cartflow.pricing.rounding", rounding);
        }

        PricingPolicy policy() {
            return new PricingPolicy(taxMode, taxCalculation, rounding);
        }
    }

    /** PostgreSQL storage through cart-jdbi ({@code cartflow.jdbi.*}). */
    public static class Jdbi {
        /** Whether carts, promotion usage and the audit trail are stored in the application's DataSource. */
        private boolean enabled = true;
        /** Whether CartFlow's Flyway migrations are applied at start-up. */
        private boolean migrate = true;
        /**
         * Whether the cart load by id and single-cart save take their connection from the DataSource
         * directly rather than through a JDBI handle (only with CartFlow's own Jdbi; set false when the
         * application calls the repository inside its own transactions on that Jdbi).
         */
        private boolean directConnections = true;
        /** Stock reservations shared by every instance (JdbiStockReservations). */
        private final StockReservations stockReservations = new StockReservations();

        /** @return whether cart-jdbi is used */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether cart-jdbi is used */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return whether migrations run */
        public boolean isMigrate() {
            return migrate;
        }

        /** @param migrate whether migrations run */
        public void setMigrate(boolean migrate) {
            this.migrate = migrate;
        }

        /** @return whether the hot statements take their connection from the DataSource directly */
        public boolean isDirectConnections() {
            return directConnections;
        }

        /** @param directConnections whether the hot statements take their connection from the DataSource directly */
        public void setDirectConnections(boolean directConnections) {
            this.directConnections = directConnections;
        }

        /** @return the stock reservations settings */
        public StockReservations getStockReservations() {
            return stockReservations;
        }

        /** Stock reservations in PostgreSQL ({@code cartflow.jdbi.stock-reservations.*}). */
        public static class StockReservations {
            /** Whether checkouts reserve stock in PostgreSQL, over the InventoryProvider bean's levels. */
            private boolean enabled = true;
            /** How long a checkout's reservation may stay unconfirmed before the sweeper may release it. */
            private Duration hold = Duration.ofMinutes(15);

            /** @return whether reservations are stored in PostgreSQL */
            public boolean isEnabled() {
                return enabled;
            }

            /** @param enabled whether reservations are stored in PostgreSQL */
            public void setEnabled(boolean enabled) {
                this.enabled = enabled;
            }

            /** @return the hold of an unconfirmed reservation */
            public Duration getHold() {
                return hold;
            }

            /** @param hold the hold of an unconfirmed reservation, positive */
            public void setHold(Duration hold) {
                this.hold = Checked.positive("cartflow.jdbi.stock-reservations.hold", hold);
            }
        }
    }

    /** The outbox dispatcher ({@code cartflow.outbox.*}). */
    public static class Outbox {
        /** Whether the dispatcher runs, delivering stored events to the CartEventPublisher bean. */
        private boolean enabled = true;
        /** Pause between polls when the outbox is empty. */
        private Duration pollInterval = Duration.ofMillis(200);
        /** Most carts whose events one poll takes. */
        private int batchCarts = 100;
        /** The outbox counts as degraded in health once its oldest pending event is this old. */
        private Duration degradedAfter = Duration.ofMinutes(1);

        /** @return whether the dispatcher runs */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether the dispatcher runs */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return the poll interval */
        public Duration getPollInterval() {
            return pollInterval;
        }

        /** @param pollInterval the poll interval, positive */
        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = Checked.positive("cartflow.outbox.poll-interval", pollInterval);
        }

        /** @return carts per poll */
        public int getBatchCarts() {
            return batchCarts;
        }

        /** @param batchCarts carts per poll, at least 1 */
        public void setBatchCarts(int batchCarts) {
            this.batchCarts = Checked.atLeast("cartflow.outbox.batch-carts", batchCarts, 1);
        }

        /** @return the age that makes the outbox degraded */
        public Duration getDegradedAfter() {
            return degradedAfter;
        }

        /** @param degradedAfter the age that makes the outbox degraded, positive */
        public void setDegradedAfter(Duration degradedAfter) {
            this.degradedAfter = Checked.positive("cartflow.outbox.degraded-after", degradedAfter);
        }
    }

    /** Meters through cart-micrometer ({@code cartflow.metrics.*}). */
    public static class Metrics {
        /** Whether the engine reports to the application's MeterRegistry. */
        private boolean enabled = true;

        /** @return whether meters are reported */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether meters are reported */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }
}
