/**
 * The engine's security settings: what guests may do, what an operation requires of a guest, and
 * how promotion limits per customer apply to guests. Roles of support staff and grants of services
 * are on {@link dev.cartflow.model.Actor}; the engine enforces both and records them in the audit
 * trail ({@link dev.cartflow.spi.AuditLog}).
 */
@NullMarked
package dev.cartflow.core.security;

import org.jspecify.annotations.NullMarked;
