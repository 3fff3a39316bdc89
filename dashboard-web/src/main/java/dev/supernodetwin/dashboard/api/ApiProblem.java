package dev.supernodetwin.dashboard.api;

/**
 * A request the API cannot answer, with the HTTP status and stable error code of the dashboard contract
 * ({@code docs/dashboard.md}). Thrown by request parsing and caught by {@link Responses}, so a handler
 * reads as the happy path.
 */
public final class ApiProblem extends RuntimeException {
    private final int status;
    private final String code;

    /**
     * @param status  HTTP status
     * @param code    stable error code, e.g. {@code device.unknown}
     * @param message what was wrong, for a human
     */
    public ApiProblem(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    /** HTTP status. */
    public int status() {
        return status;
    }

    /** Stable error code. */
    public String code() {
        return code;
    }

    /** {@code 400 http.bad-request}. */
    public static ApiProblem badRequest(String message) {
        return new ApiProblem(400, "http.bad-request", message);
    }
}
