package dev.cartflow.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import java.sql.SQLException;
import org.jdbi.v3.core.ConnectionException;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void translate_bugOutsideJdbi_internalWithCause() {
        NullPointerException bug = new NullPointerException("mapper");

        CartException e = Failures.translate("find cart", bug);

        assertThat(e.code()).isEqualTo(CartErrorCode.INTERNAL);
        assertThat(e.getCause()).isSameAs(bug);
    }

    @Test
    void translate_jdbiConnectionFailure_providerUnavailableWithCause() {
        ConnectionException failure = new ConnectionException(new SQLException("refused", "08001"));

        CartException e = Failures.translate("find cart", failure);

        assertThat(e.code()).isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE);
        assertThat(e.getCause()).isSameAs(failure);
    }

    @Test
    void translate_dataException_invalidInput() {
        CartException e = Failures.translate("save carts",
                new IllegalStateException(new SQLException("invalid byte sequence", "22021")));

        assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT);
    }
}
