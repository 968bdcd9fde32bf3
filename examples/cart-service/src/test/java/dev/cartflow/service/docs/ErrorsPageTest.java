package dev.cartflow.service.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.error.CartErrorCode;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Holds docs/errors.md to the code: its engine table lists exactly the codes of {@link CartErrorCode},
 * each with the HTTP status of the service's {@code Problems.status} (with and without {@code If-Match}),
 * the gRPC status of {@code GrpcErrors.status} and the retry answer of {@link CartErrorCode#retryable()};
 * its service table lists exactly the service codes the HTTP error mapping answers, with their statuses.
 */
class ErrorsPageTest {
    private static final Path PAGE = Path.of("../../docs/errors.md");
    private static final Path PROBLEMS_SOURCE = Path.of("src/main/java/dev/cartflow/service/http/Problems.java");
    private static final Pattern STATUS = Pattern.compile("\\b([1-5]\\d\\d)\\b");
    /** A service code as {@code Problems} answers it: {@code service(HttpStatus.NAME, "CODE", ...)}. */
    private static final Pattern SERVICE_CALL = Pattern.compile("service\\(HttpStatus\\.([A-Z_]+), \"([A-Z_]+)\"");

    @Test
    void engineTable_listsEveryCode_andNoOther() throws IOException {
        Set<String> expected = Arrays.stream(CartErrorCode.values()).map(Enum::name)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(new TreeSet<>(table("## Engine codes").keySet())).isEqualTo(expected);
    }

    @Test
    void engineTable_statusesAndRetry_matchTheServiceMapping() throws Exception {
        Method http = mapping("dev.cartflow.service.http.Problems", "status", CartErrorCode.class, boolean.class);
        Method grpc = mapping("dev.cartflow.service.grpc.GrpcErrors", "status", CartErrorCode.class);
        Map<String, List<String>> rows = table("## Engine codes");

        for (CartErrorCode code : CartErrorCode.values()) {
            List<String> row = rows.get(code.name());
            assertThat(row).as("row of %s", code).isNotNull();
            Set<Integer> statuses = new TreeSet<>();
            for (boolean strict : new boolean[] {false, true}) {
                statuses.add(((org.springframework.http.HttpStatus) http.invoke(null, code, strict)).value());
            }
            assertThat(statusesIn(row.get(2))).as("HTTP statuses of %s", code).isEqualTo(statuses);
            assertThat(unquoted(row.get(3))).as("gRPC status of %s", code)
                    .isEqualTo(((io.grpc.Status.Code) grpc.invoke(null, code)).name());
            assertThat(row.get(4)).as("retry of %s", code).isEqualTo(code.retryable() ? "yes" : "no");
        }
    }

    @Test
    void serviceTable_listsTheMappingsServiceCodes_withTheirStatus() throws IOException {
        Map<String, Integer> expected = new LinkedHashMap<>();
        Matcher call = SERVICE_CALL.matcher(Files.readString(PROBLEMS_SOURCE));
        while (call.find()) {
            expected.put(call.group(2), org.springframework.http.HttpStatus.valueOf(call.group(1)).value());
        }
        assertThat(expected).as("service codes found in Problems.java").isNotEmpty();
        Map<String, List<String>> rows = table("## Service codes");

        assertThat(new TreeSet<>(rows.keySet())).isEqualTo(new TreeSet<>(expected.keySet()));
        expected.forEach((code, status) ->
                assertThat(statusesIn(rows.get(code).get(2))).as("HTTP status of %s", code).containsExactly(status));
    }

    @Test
    void serviceTable_unauthenticated_isGrpcUnauthenticated() throws IOException {
        List<String> row = table("## Service codes").get("UNAUTHENTICATED");

        assertThat(row).isNotNull();
        assertThat(unquoted(row.get(3))).isEqualTo(io.grpc.Status.Code.UNAUTHENTICATED.name());
    }

    private static Method mapping(String type, String name, Class<?>... parameters) throws Exception {
        // the mappings are package-private by design; the page is checked against them, not a copy
        Method method = Class.forName(type).getDeclaredMethod(name, parameters);
        method.setAccessible(true);
        return method;
    }

    /** The rows of the table under a heading, by the code in their first cell; each row's cells trimmed. */
    private static Map<String, List<String>> table(String heading) throws IOException {
        List<String> lines = Files.readAllLines(PAGE);
        int start = lines.indexOf(heading);
        assertThat(start).as("heading %s in %s", heading, PAGE).isNotNegative();
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
            String line = lines.get(i);
            if (!line.startsWith("| `")) {
                continue;
            }
            List<String> cells = Arrays.stream(line.substring(1, line.lastIndexOf('|')).split("\\|"))
                    .map(String::trim).toList();
            String code = unquoted(cells.get(0));
            assertThat(rows.put(code, cells)).as("%s listed twice", code).isNull();
        }
        return rows;
    }

    private static Set<Integer> statusesIn(String cell) {
        Set<Integer> statuses = new TreeSet<>();
        Matcher status = STATUS.matcher(cell);
        while (status.find()) {
            statuses.add(Integer.parseInt(status.group(1)));
        }
        return statuses;
    }

    private static String unquoted(String cell) {
        return cell.replace("`", "");
    }
}
