/**
 * Data protection: erasure and export of what the engine and its stores keep about a customer
 * ({@link dev.cartflow.core.privacy.CustomerData}, from {@code CartEngine.dataProtection()}), and the
 * retention policy of the maintenance jobs ({@link dev.cartflow.core.privacy.RetentionPolicy}).
 */
@NullMarked
package dev.cartflow.core.privacy;

import org.jspecify.annotations.NullMarked;
