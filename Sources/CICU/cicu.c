/* Implementation of cicu.h: the only file that includes ICU headers. */
#include "cicu.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/uclean.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
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

int32_t cicu_word_break(uint32_t c) {
    switch (u_getIntPropertyValue((UChar32)c, UCHAR_WORD_BREAK)) {
    case U_WB_OTHER: return CICU_WB_OTHER;
    case U_WB_ALETTER: return CICU_WB_ALETTER;
    case U_WB_NUMERIC: return CICU_WB_NUMERIC;
    case U_WB_MIDLETTER: return CICU_WB_MIDLETTER;
    case U_WB_MIDNUM: return CICU_WB_MIDNUM;
    case U_WB_MIDNUMLET: return CICU_WB_MIDNUMLET;
    case U_WB_SINGLE_QUOTE: return CICU_WB_SINGLE_QUOTE;
    case U_WB_DOUBLE_QUOTE: return CICU_WB_DOUBLE_QUOTE;
    case U_WB_WSEGSPACE: return CICU_WB_WSEGSPACE;
    case U_WB_CR: return CICU_WB_CR;
    case U_WB_LF: return CICU_WB_LF;
    case U_WB_NEWLINE: return CICU_WB_NEWLINE;
    case U_WB_EXTENDNUMLET: return CICU_WB_EXTENDNUMLET;
    default: return CICU_WB_OTHER_VALUE;
    }
}

int32_t cicu_sentence_break(uint32_t c) {
    switch (u_getIntPropertyValue((UChar32)c, UCHAR_SENTENCE_BREAK)) {
    case U_SB_OTHER: return CICU_SB_OTHER;
    case U_SB_ATERM: return CICU_SB_ATERM;
    case U_SB_STERM: return CICU_SB_STERM;
    case U_SB_CLOSE: return CICU_SB_CLOSE;
    case U_SB_SP: return CICU_SB_SP;
    case U_SB_LOWER: return CICU_SB_LOWER;
    case U_SB_UPPER: return CICU_SB_UPPER;
    case U_SB_OLETTER: return CICU_SB_OLETTER;
    case U_SB_NUMERIC: return CICU_SB_NUMERIC;
    case U_SB_SCONTINUE: return CICU_SB_SCONTINUE;
    case U_SB_SEP: return CICU_SB_SEP;
    case U_SB_CR: return CICU_SB_CR;
    case U_SB_LF: return CICU_SB_LF;
    default: return CICU_SB_OTHER_VALUE;
    }
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

int32_t cicu_nfc_quick_yes(uint32_t c) {
    return u_getIntPropertyValue((UChar32)c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES
        && u_getCombiningClass((UChar32)c) == 0 ? 1 : 0;
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

struct cicu_converter {
    UConverter *converter;
};

cicu_converter *cicu_converter_open(const char *name, int32_t *status) {
    if (name == NULL || name[0] == 0) {
        *status = (int32_t)U_ILLEGAL_ARGUMENT_ERROR;
        return NULL;
    }
    UErrorCode err = U_ZERO_ERROR;
    UConverter *converter = ucnv_open(name, &err);
    if (U_SUCCESS(err) && converter != NULL) {
        ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &err);
    }
    *status = (int32_t)err;
    if (U_FAILURE(err) || converter == NULL) {
        if (converter != NULL) ucnv_close(converter);
        return NULL;
    }
    cicu_converter *result = (cicu_converter *)malloc(sizeof(cicu_converter));
    if (result == NULL) {
        ucnv_close(converter);
        *status = (int32_t)U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    result->converter = converter;
    return result;
}

void cicu_converter_close(cicu_converter *converter) {
    if (converter == NULL) return;
    ucnv_close(converter->converter);
    free(converter);
}

const char *cicu_converter_standard_name(const char *name, const char *standard, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    const char *found = ucnv_getStandardName(name, standard, &err);
    *status = (int32_t)err;
    return U_SUCCESS(err) ? found : NULL;
}

int32_t cicu_converter_decode(cicu_converter *converter, const uint8_t *text, int32_t length,
                              uint16_t *dest, int32_t capacity, int32_t lossy,
                              cicu_invalid_bytes *invalid, int32_t *replaced, int32_t *status) {
    UConverter *cnv = converter->converter;
    ucnv_resetToUnicode(cnv);
    invalid->offset = -1;
    invalid->length = 0;
    *replaced = 0;
    const char *start = (const char *)text;
    const char *source = start;
    const char *limit = start + length;
    UChar *target = (UChar *)dest;
    UChar *target_limit = target + capacity;
    for (;;) {
        UErrorCode err = U_ZERO_ERROR;
        ucnv_toUnicode(cnv, &target, target_limit, &source, limit, NULL, 1, &err);
        if (U_SUCCESS(err)) {
            *status = (int32_t)err;
            break;
        }
        if (err != U_ILLEGAL_CHAR_FOUND && err != U_INVALID_CHAR_FOUND && err != U_TRUNCATED_CHAR_FOUND) {
            *status = (int32_t)err;
            break;
        }
        /* The converter has consumed the sequence it could not read. */
        char bad[32];
        int8_t bad_length = (int8_t)sizeof(bad);
        UErrorCode ignored = U_ZERO_ERROR;
        ucnv_getInvalidChars(cnv, bad, &bad_length, &ignored);
        if (U_FAILURE(ignored)) bad_length = 0;
        if (invalid->offset < 0) {
            invalid->offset = (int32_t)(source - start) - bad_length;
            invalid->length = bad_length;
            for (int32_t i = 0; i < bad_length && i < 8; i++) invalid->bytes[i] = (uint8_t)bad[i];
        }
        if (!lossy) {
            *status = (int32_t)err;
            break;
        }
        if (target == target_limit) {
            *status = (int32_t)U_BUFFER_OVERFLOW_ERROR;
            break;
        }
        *target++ = 0xFFFD;
        (*replaced)++;
        if (source == limit && err == U_TRUNCATED_CHAR_FOUND) {
            *status = 0;
            break;
        }
    }
    return (int32_t)(target - (UChar *)dest);
}

int32_t cicu_converter_count(void) {
    return ucnv_countAvailable();
}

const char *cicu_converter_available_name(int32_t index) {
    return ucnv_getAvailableName(index);
}

int32_t cicu_converter_alias_count(const char *name, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t count = ucnv_countAliases(name, &err);
    *status = (int32_t)err;
    return count;
}

const char *cicu_converter_alias(const char *name, int32_t index, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    const char *alias = ucnv_getAlias(name, (uint16_t)index, &err);
    *status = (int32_t)err;
    return alias;
}

struct cicu_detector {
    UCharsetDetector *detector;
};

cicu_detector *cicu_detector_open(int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UCharsetDetector *detector = ucsdet_open(&err);
    *status = (int32_t)err;
    if (U_FAILURE(err) || detector == NULL) return NULL;
    cicu_detector *result = (cicu_detector *)malloc(sizeof(cicu_detector));
    if (result == NULL) {
        ucsdet_close(detector);
        *status = (int32_t)U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    result->detector = detector;
    return result;
}

void cicu_detector_close(cicu_detector *detector) {
    if (detector == NULL) return;
    ucsdet_close(detector->detector);
    free(detector);
}

int32_t cicu_detector_detect(cicu_detector *detector, const uint8_t *text, int32_t length,
                             const char **names, int32_t *confidences, const char **languages,
                             int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    ucsdet_setText(detector->detector, (const char *)text, length, &err);
    int32_t found = 0;
    const UCharsetMatch **matches = U_SUCCESS(err) ? ucsdet_detectAll(detector->detector, &found, &err) : NULL;
    int32_t count = 0;
    for (int32_t i = 0; U_SUCCESS(err) && matches != NULL && i < found && count < capacity; i++) {
        names[count] = ucsdet_getName(matches[i], &err);
        confidences[count] = ucsdet_getConfidence(matches[i], &err);
        const char *language = ucsdet_getLanguage(matches[i], &err);
        languages[count] = language != NULL ? language : "";
        if (U_SUCCESS(err) && names[count] != NULL) count++;
    }
    /* The detector keeps a pointer to the text: forget it before the caller frees it. */
    UErrorCode ignored = U_ZERO_ERROR;
    ucsdet_setText(detector->detector, "", 0, &ignored);
    *status = (int32_t)err;
    return count;
}
