package org.musubi.registry.jdbc;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Users and facilities read by id (or a facility by a system it declared) during one HTTP request, kept for the rest of it: the session check or the API
 * token check, the access policy's requester and the page then read each once per request (issue 23: each fact read
 * once). A registry write forgets them. Outside a request (imports, jobs, the command line) nothing is kept.
 */
final class RequestMemo {

    private static final String KEY = RequestMemo.class.getName();

    private RequestMemo() {
    }

    static <T> Optional<T> find(String kind, long id, Supplier<Optional<T>> read) {
        return find(kind, String.valueOf(id), read);
    }

    /** As {@link #find(String, long, Supplier)}, by a text key (an identifier system). */
    @SuppressWarnings("unchecked")
    static <T> Optional<T> find(String kind, String id, Supplier<Optional<T>> read) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return read.get();
        }
        Map<String, Optional<?>> memo = (Map<String, Optional<?>>) request.getAttribute(KEY, RequestAttributes.SCOPE_REQUEST);
        if (memo == null) {
            memo = new HashMap<>();
            request.setAttribute(KEY, memo, RequestAttributes.SCOPE_REQUEST);
        }
        String key = kind + ":" + id;
        Optional<?> known = memo.get(key);
        if (known == null) {
            known = read.get();
            memo.put(key, known);
        }
        return (Optional<T>) known;
    }

    /** Forgets every user and facility read in this request (before a registry write). */
    static void forget() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.removeAttribute(KEY, RequestAttributes.SCOPE_REQUEST);
        }
    }
}
