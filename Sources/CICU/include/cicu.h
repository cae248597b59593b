/*
 * cicu.h — the thin C layer between quotectl and ICU.
 *
 * Only <stdint.h> types and opaque handles cross this header, so Swift never
 * sees ICU's own headers (which rename symbols by macro and clash with the
 * ICU copy inside Foundation). Every function reports failure through an
 * ICU status code in `*status` (> 0 is an error, <= 0 success or warning);
 * `cicu_error_name` turns it into ICU's name for it.
 */
#ifndef CICU_H
#define CICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- errors ---------------------------------------------------------- */

/** ICU's symbolic name for a status code (u_errorName). Never NULL. */
const char *cicu_error_name(int32_t status);

/** ICU's version as "72.1" (u_getVersion). */
void cicu_version(char out[32]);

/* ---- break iteration ------------------------------------------------- */

typedef struct cicu_breaker cicu_breaker;

enum { CICU_BREAK_WORD = 1, CICU_BREAK_SENTENCE = 3 };

/** Opens a break iterator (ubrk_open) of `kind` for `locale`, e.g. "fr" or
 *  "fr@ss=standard" for sentence breaks with abbreviation suppressions. */
cicu_breaker *cicu_breaker_open(int32_t kind, const char *locale, int32_t *status);
void cicu_breaker_close(cicu_breaker *breaker);

/** Points the iterator at UTF-16 text (ubrk_setText). The text is not copied
 *  and must stay alive while boundaries are read. */
void cicu_breaker_set_text(cicu_breaker *breaker, const uint16_t *text, int32_t length, int32_t *status);

/** Reads up to `capacity` further boundaries (ubrk_next, after the leading
 *  ubrk_first) into `positions`, with each boundary's rule status
 *  (ubrk_getRuleStatus) in `statuses`. Returns how many were written; 0 once
 *  the text is exhausted. */
int32_t cicu_breaker_next(cicu_breaker *breaker, int32_t *positions, int32_t *statuses, int32_t capacity);

/** Counts the boundaries after the start of the text set by
 *  cicu_breaker_set_text (ubrk_first, then ubrk_next until UBRK_DONE),
 *  without reporting them: the bare cost of break iteration. */
int32_t cicu_breaker_count(cicu_breaker *breaker);

/* ---- character properties -------------------------------------------- */

/** Word_Break values (UAX #29) that the text layer segments itself; every
 *  other value is CICU_WB_OTHER_VALUE. */
enum {
    CICU_WB_OTHER = 0, CICU_WB_ALETTER = 1, CICU_WB_NUMERIC = 2,
    CICU_WB_MIDLETTER = 3, CICU_WB_MIDNUM = 4, CICU_WB_MIDNUMLET = 5,
    CICU_WB_SINGLE_QUOTE = 6, CICU_WB_DOUBLE_QUOTE = 7, CICU_WB_WSEGSPACE = 8,
    CICU_WB_CR = 9, CICU_WB_LF = 10, CICU_WB_NEWLINE = 11,
    CICU_WB_EXTENDNUMLET = 12, CICU_WB_OTHER_VALUE = 13
};

/** The Word_Break property of code point `c` (u_getIntPropertyValue with
 *  UCHAR_WORD_BREAK), as one of the CICU_WB_ values above. */
int32_t cicu_word_break(uint32_t c);

/** Sentence_Break values (UAX #29) that the text layer reads itself; Extend,
 *  Format and any other value are CICU_SB_OTHER_VALUE. */
enum {
    CICU_SB_OTHER = 0, CICU_SB_ATERM = 1, CICU_SB_STERM = 2, CICU_SB_CLOSE = 3,
    CICU_SB_SP = 4, CICU_SB_LOWER = 5, CICU_SB_UPPER = 6, CICU_SB_OLETTER = 7,
    CICU_SB_NUMERIC = 8, CICU_SB_SCONTINUE = 9, CICU_SB_SEP = 10, CICU_SB_CR = 11,
    CICU_SB_LF = 12, CICU_SB_OTHER_VALUE = 13
};

/** The Sentence_Break property of code point `c` (u_getIntPropertyValue
 *  with UCHAR_SENTENCE_BREAK), as one of the CICU_SB_ values above. */
int32_t cicu_sentence_break(uint32_t c);

/* ---- transcoding ----------------------------------------------------- */

/** Converts UTF-8 to UTF-16 (u_strFromUTF8). Returns the UTF-16 length;
 *  when it exceeds `capacity`, status is a buffer overflow. Invalid UTF-8
 *  is an error (U_INVALID_CHAR_FOUND). */
int32_t cicu_utf8_to_utf16(const uint8_t *text, int32_t length, uint16_t *dest, int32_t capacity, int32_t *status);

/* ---- normalization --------------------------------------------------- */

/** Form for the normalizer functions (unorm2_getNFCInstance,
 *  unorm2_getNFKCCasefoldInstance, unorm2_getNFDInstance). */
enum { CICU_NFC = 0, CICU_NFKC_CASEFOLD = 1, CICU_NFD = 2 };

/** 1 when `text` is already in the form (unorm2_isNormalized), else 0. */
int32_t cicu_is_normalized(int32_t form, const uint16_t *text, int32_t length, int32_t *status);

/** Normalizes `text` into `dest` (unorm2_normalize). Returns the needed
 *  length; when it exceeds `capacity`, status is a buffer overflow. */
int32_t cicu_normalize(int32_t form, const uint16_t *text, int32_t length,
                       uint16_t *dest, int32_t capacity, int32_t *status);

/** 1 when a normalization boundary precedes code point `c` in NFC
 *  (unorm2_hasBoundaryBefore): text can be normalized piecewise there. */
int32_t cicu_nfc_boundary_before(uint32_t c);

/** 1 when code point `c` has NFC_Quick_Check=Yes and canonical combining
 *  class 0 (u_getIntPropertyValue, u_getCombiningClass): a text made only
 *  of such code points is in NFC (UAX #15's quick check answers Yes). */
int32_t cicu_nfc_quick_yes(uint32_t c);

/* ---- transliteration ------------------------------------------------- */

typedef struct cicu_transliterator cicu_transliterator;

/** Opens a transliterator by compound ID such as "Any-Latin; Latin-ASCII"
 *  (utrans_openU). The ID is UTF-16. */
cicu_transliterator *cicu_transliterator_open(const uint16_t *id, int32_t id_length, int32_t *status);
void cicu_transliterator_close(cicu_transliterator *transliterator);

/** Transliterates `buffer[0..<length]` in place (utrans_transUChars).
 *  Returns the new length; when it exceeds `capacity`, status is a buffer
 *  overflow and the buffer content is unspecified. */
int32_t cicu_transliterate(cicu_transliterator *transliterator, uint16_t *buffer,
                           int32_t length, int32_t capacity, int32_t *status);

/* ---- locale display names ------------------------------------------- */

/** The name of language `code` (BCP 47, e.g. "tr") in `display_locale`
 *  (e.g. "en" → "Turkish"), in UTF-16 (uloc_getDisplayLanguage). Returns the
 *  needed length; a buffer overflow status when it exceeds `capacity`. */
int32_t cicu_language_name(const char *code, const char *display_locale, uint16_t *dest, int32_t capacity, int32_t *status);

/* ---- character set conversion ---------------------------------------- */

typedef struct cicu_converter cicu_converter;

/** Opens the converter ICU knows by `name` or one of its aliases
 *  ("windows-1252", "latin9", "utf-16le"…) (ucnv_open). Unknown names fail
 *  with U_FILE_ACCESS_ERROR; an empty name is refused (ucnv_open would give
 *  the platform's default converter). Conversion stops at the first byte
 *  sequence that is illegal or unassigned (UCNV_TO_U_CALLBACK_STOP). */
cicu_converter *cicu_converter_open(const char *name, int32_t *status);
void cicu_converter_close(cicu_converter *converter);

/** The name of the converter for `name` in `standard` ("MIME", "IANA")
 *  (ucnv_getStandardName); NULL when that standard has no name for it or
 *  ICU knows no such converter. The string is ICU's own. */
const char *cicu_converter_standard_name(const char *name, const char *standard, int32_t *status);

/** The first byte sequence a decoding could not read. */
typedef struct {
    /** Offset in the input of the sequence, -1 when none. */
    int32_t offset;
    /** How many bytes the sequence has (up to 32), and the first 8 of them. */
    int32_t length;
    uint8_t bytes[8];
} cicu_invalid_bytes;

/** Decodes `text` to UTF-16 into `dest` (ucnv_resetToUnicode, then
 *  ucnv_toUnicode with flush). Returns the UTF-16 length.
 *  With `lossy` = 0 the first illegal, unassigned or truncated sequence
 *  stops the decoding: `invalid` says where, and the status is ICU's
 *  (U_ILLEGAL_CHAR_FOUND, U_INVALID_CHAR_FOUND, U_TRUNCATED_CHAR_FOUND).
 *  With `lossy` = 1 each such sequence becomes U+FFFD, `invalid` names the
 *  first and `*replaced` counts them. When `capacity` is too small the
 *  status is a buffer overflow (call again with more room). */
int32_t cicu_converter_decode(cicu_converter *converter, const uint8_t *text, int32_t length,
                              uint16_t *dest, int32_t capacity, int32_t lossy,
                              cicu_invalid_bytes *invalid, int32_t *replaced, int32_t *status);

/** How many converters ICU has (ucnv_countAvailable), the canonical name of
 *  converter `index` (ucnv_getAvailableName), how many aliases a name has
 *  (ucnv_countAliases) and alias `index` of it (ucnv_getAlias). */
int32_t cicu_converter_count(void);
const char *cicu_converter_available_name(int32_t index);
int32_t cicu_converter_alias_count(const char *name, int32_t *status);
const char *cicu_converter_alias(const char *name, int32_t index, int32_t *status);

/* ---- character set detection ---------------------------------------- */

typedef struct cicu_detector cicu_detector;

/** Opens a character set detector (ucsdet_open). */
cicu_detector *cicu_detector_open(int32_t *status);
void cicu_detector_close(cicu_detector *detector);

/** The character sets `text` may be in, most likely first (ucsdet_setText,
 *  ucsdet_detectAll): up to `capacity` of them, each with its name
 *  (ucsdet_getName), its confidence from 0 to 100 (ucsdet_getConfidence)
 *  and the language ICU guessed, or "" (ucsdet_getLanguage). Returns how
 *  many were written. The strings belong to the detector and stay valid
 *  until its next detection. */
int32_t cicu_detector_detect(cicu_detector *detector, const uint8_t *text, int32_t length,
                             const char **names, int32_t *confidences, const char **languages,
                             int32_t capacity, int32_t *status);

#ifdef __cplusplus
}
#endif

#endif /* CICU_H */
