// The ICU functions Gazette calls, each behind a `static inline` wrapper.
//
// Debian's ICU renames its C entry points with the library version (`ubrk_open` is a macro for
// `ubrk_open_72`). Swift cannot call a function-like macro, and naming the suffixed symbol would
// tie the code to one ICU release. The wrappers below are compiled against whatever headers
// pkg-config finds, so Swift code only ever names `cicu_*`.
#ifndef GAZETTE_CICU_SHIM_H
#define GAZETTE_CICU_SHIM_H

#include <stdint.h>
#include <unicode/utypes.h>
#include <unicode/utext.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

// MARK: status

static inline int cicu_failure(UErrorCode code) { return U_FAILURE(code) ? 1 : 0; }
static inline const char *cicu_error_name(UErrorCode code) { return u_errorName(code); }

// MARK: UText over UTF-8 (no UTF-16 copy of the document)

static inline UText *cicu_utext_open_utf8(UText *ut, const char *s, int64_t length, UErrorCode *status) {
    return utext_openUTF8(ut, s, length, status);
}
static inline UText *cicu_utext_close(UText *ut) { return utext_close(ut); }

// MARK: break iteration

static inline UBreakIterator *cicu_ubrk_open_word(const char *locale, UErrorCode *status) {
    return ubrk_open(UBRK_WORD, locale, NULL, 0, status);
}
static inline UBreakIterator *cicu_ubrk_open_sentence(const char *locale, UErrorCode *status) {
    return ubrk_open(UBRK_SENTENCE, locale, NULL, 0, status);
}
static inline void cicu_ubrk_close(UBreakIterator *bi) { ubrk_close(bi); }
static inline void cicu_ubrk_set_utext(UBreakIterator *bi, UText *text, UErrorCode *status) {
    ubrk_setUText(bi, text, status);
}
static inline int32_t cicu_ubrk_first(UBreakIterator *bi) { return ubrk_first(bi); }
static inline int32_t cicu_ubrk_next(UBreakIterator *bi) { return ubrk_next(bi); }
static inline int32_t cicu_ubrk_rule_status(UBreakIterator *bi) { return ubrk_getRuleStatus(bi); }
static inline int32_t cicu_ubrk_following(UBreakIterator *bi, int32_t offset) { return ubrk_following(bi, offset); }
static inline int32_t cicu_ubrk_done(void) { return UBRK_DONE; }

// MARK: normalization

static inline const UNormalizer2 *cicu_nfkc_casefold(UErrorCode *status) {
    return unorm2_getNFKCCasefoldInstance(status);
}
static inline const UNormalizer2 *cicu_nfd(UErrorCode *status) { return unorm2_getNFDInstance(status); }
static inline const UNormalizer2 *cicu_nfc(UErrorCode *status) { return unorm2_getNFCInstance(status); }
static inline int32_t cicu_normalize(const UNormalizer2 *norm, const UChar *src, int32_t length,
                                     UChar *dest, int32_t capacity, UErrorCode *status) {
    return unorm2_normalize(norm, src, length, dest, capacity, status);
}

// MARK: UTF-8 <-> UTF-16 (for the few tokens that leave the ASCII fast path)

static inline int32_t cicu_utf16_from_utf8(UChar *dest, int32_t capacity, const char *src, int32_t length,
                                           UErrorCode *status) {
    int32_t written = 0;
    u_strFromUTF8WithSub(dest, capacity, &written, src, length, 0xFFFD, NULL, status);
    return written;
}
static inline int32_t cicu_utf8_from_utf16(char *dest, int32_t capacity, const UChar *src, int32_t length,
                                           UErrorCode *status) {
    int32_t written = 0;
    u_strToUTF8WithSub(dest, capacity, &written, src, length, 0xFFFD, NULL, status);
    return written;
}

#endif
