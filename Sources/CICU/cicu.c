/* Implementation of cicu.h: the only file that includes ICU headers. */
#include "cicu.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uclean.h>
#include <unicode/uloc.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>
#include <unicode/uversion.h>
#include <unicode/utypes.h>

struct cicu_breaker {
    UBreakIterator *iterator;
    int started;
};

struct cicu_transliterator {
    UTransliterator *trans;
};

const char *cicu_error_name(int32_t status) {
    const char *name = u_errorName((UErrorCode)status);
    return name ? name : "U_UNKNOWN_ERROR";
}

void cicu_version(char out[32]) {
    UVersionInfo info;
    u_getVersion(info);
    u_versionToString(info, out);
}

cicu_breaker *cicu_breaker_open(int32_t kind, const char *locale, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UBreakIterator *it = ubrk_open((UBreakIteratorType)kind, locale, NULL, 0, &err);
    *status = (int32_t)err;
    if (U_FAILURE(err) || it == NULL) {
        return NULL;
    }
    cicu_breaker *breaker = (cicu_breaker *)malloc(sizeof(cicu_breaker));
    if (breaker == NULL) {
        ubrk_close(it);
        *status = (int32_t)U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    breaker->iterator = it;
    breaker->started = 0;
    return breaker;
}

void cicu_breaker_close(cicu_breaker *breaker) {
    if (breaker == NULL) return;
    ubrk_close(breaker->iterator);
    free(breaker);
}

void cicu_breaker_set_text(cicu_breaker *breaker, const uint16_t *text, int32_t length, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    ubrk_setText(breaker->iterator, (const UChar *)text, length, &err);
    breaker->started = 0;
    *status = (int32_t)err;
}

int32_t cicu_breaker_next(cicu_breaker *breaker, int32_t *positions, int32_t *statuses, int32_t capacity) {
    if (!breaker->started) {
        ubrk_first(breaker->iterator);
        breaker->started = 1;
    }
    int32_t count = 0;
    while (count < capacity) {
        int32_t position = ubrk_next(breaker->iterator);
        if (position == UBRK_DONE) break;
        positions[count] = position;
        statuses[count] = ubrk_getRuleStatus(breaker->iterator);
        count++;
    }
    return count;
}

int32_t cicu_breaker_count(cicu_breaker *breaker) {
    int32_t count = 0;
    ubrk_first(breaker->iterator);
    while (ubrk_next(breaker->iterator) != UBRK_DONE) count++;
    breaker->started = 1;
    return count;
}

int32_t cicu_utf8_to_utf16(const uint8_t *text, int32_t length, uint16_t *dest, int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t needed = 0;
    u_strFromUTF8((UChar *)dest, capacity, &needed, (const char *)text, length, &err);
    *status = (int32_t)err;
    return needed;
}

static const UNormalizer2 *normalizer_for(int32_t form, UErrorCode *err) {
    switch (form) {
    case CICU_NFKC_CASEFOLD: return unorm2_getNFKCCasefoldInstance(err);
    case CICU_NFD: return unorm2_getNFDInstance(err);
    default: return unorm2_getNFCInstance(err);
    }
}

int32_t cicu_is_normalized(int32_t form, const uint16_t *text, int32_t length, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *n = normalizer_for(form, &err);
    if (U_FAILURE(err)) { *status = (int32_t)err; return 0; }
    UBool result = unorm2_isNormalized(n, (const UChar *)text, length, &err);
    *status = (int32_t)err;
    return result ? 1 : 0;
}

int32_t cicu_normalize(int32_t form, const uint16_t *text, int32_t length,
                       uint16_t *dest, int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *n = normalizer_for(form, &err);
    if (U_FAILURE(err)) { *status = (int32_t)err; return 0; }
    int32_t needed = unorm2_normalize(n, (const UChar *)text, length, (UChar *)dest, capacity, &err);
    *status = (int32_t)err;
    return needed;
}

int32_t cicu_nfc_boundary_before(uint32_t c) {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *n = unorm2_getNFCInstance(&err);
    if (U_FAILURE(err)) return 1;
    return unorm2_hasBoundaryBefore(n, (UChar32)c) ? 1 : 0;
}

cicu_transliterator *cicu_transliterator_open(const uint16_t *id, int32_t id_length, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UParseError parse;
    UTransliterator *t = utrans_openU((const UChar *)id, id_length, UTRANS_FORWARD, NULL, 0, &parse, &err);
    *status = (int32_t)err;
    if (U_FAILURE(err) || t == NULL) return NULL;
    cicu_transliterator *result = (cicu_transliterator *)malloc(sizeof(cicu_transliterator));
    if (result == NULL) {
        utrans_close(t);
        *status = (int32_t)U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    result->trans = t;
    return result;
}

void cicu_transliterator_close(cicu_transliterator *transliterator) {
    if (transliterator == NULL) return;
    utrans_close(transliterator->trans);
    free(transliterator);
}

int32_t cicu_transliterate(cicu_transliterator *transliterator, uint16_t *buffer,
                           int32_t length, int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t text_length = length;
    int32_t limit = length;
    utrans_transUChars(transliterator->trans, (UChar *)buffer, &text_length, capacity, 0, &limit, &err);
    *status = (int32_t)err;
    return text_length;
}

int32_t cicu_language_name(const char *code, const char *display_locale, uint16_t *dest, int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t length = uloc_getDisplayLanguage(code, display_locale, (UChar *)dest, capacity, &err);
    *status = (int32_t)err;
    return length;
}
