import { LIMITS } from '@participate/schema';

/** Languages the fallback pages are written in. Welsh and Urdu wording wants a translator's review. */
export const PAGE_LANGUAGES = ['en', 'cy', 'ur'] as const;
export type PageLanguage = (typeof PAGE_LANGUAGES)[number];

export interface PageMessages {
  dir: 'ltr' | 'rtl';
  thanksHeading: string;
  thanksBody: string;
  backToPage: string;
  errorPrefix: string;
  problemHeading: string;
  problemIntro: string;
  tryAgain: string;
  chooseUseful: string;
  chooseRating: string;
  commentTooLong: string;
  reasonsInvalid: string;
  formBroken: string;
  idConflict: string;
  tooLarge: string;
  originNotAllowed: string;
  unavailable: string;
  tooManyRequests: string;
}

export type ProblemKey = Exclude<
  keyof PageMessages,
  'dir' | 'thanksHeading' | 'thanksBody' | 'backToPage' | 'errorPrefix' | 'problemHeading' | 'problemIntro' | 'tryAgain'
>;

const commentLimit = LIMITS.commentLength.toLocaleString('en-GB');

export const MESSAGES: Record<PageLanguage, PageMessages> = {
  en: {
    dir: 'ltr',
    thanksHeading: 'Thank you for your feedback',
    thanksBody: 'Your answer has been saved.',
    backToPage: 'Go back to the page you were on',
    errorPrefix: 'Error: ',
    problemHeading: 'There is a problem',
    problemIntro: 'We could not save your answer:',
    tryAgain: 'Go back and try again',
    chooseUseful: 'Select yes or no to say whether the page was useful.',
    chooseRating: 'Select how good your experience was.',
    commentTooLong: `Your comment must be ${commentLimit} characters or fewer.`,
    reasonsInvalid: 'One of the reasons you ticked was not recognised.',
    formBroken: 'The feedback form is not set up correctly. This is not your fault. Please try again later.',
    idConflict: 'This form has already been used to send a different answer. Go back, reload the page and try again.',
    tooLarge: 'Your answer is too long to send. Shorten your comment and try again.',
    originNotAllowed: 'This website is not allowed to send feedback here. This is not your fault.',
    unavailable: 'We could not save your answer because of a problem on our side. Please try again later.',
    tooManyRequests: 'Too many answers have been sent from your connection. Wait a minute, then try again.',
  },
  cy: {
    dir: 'ltr',
    thanksHeading: 'Diolch am eich adborth',
    thanksBody: "Mae eich ateb wedi'i gadw.",
    backToPage: "Ewch yn ôl i'r dudalen yr oeddech arni",
    errorPrefix: 'Gwall: ',
    problemHeading: 'Mae problem wedi codi',
    problemIntro: 'Nid oeddem yn gallu cadw eich ateb:',
    tryAgain: 'Ewch yn ôl a rhowch gynnig arall arni',
    chooseUseful: 'Dewiswch ie neu na i ddweud a oedd y dudalen yn ddefnyddiol.',
    chooseRating: 'Dewiswch pa mor dda oedd eich profiad.',
    commentTooLong: `Rhaid i'ch sylw fod yn ${commentLimit} nod neu lai.`,
    reasonsInvalid: "Nid oeddem yn adnabod un o'r rhesymau a ddewisoch.",
    formBroken:
      "Nid yw'r ffurflen adborth wedi'i gosod yn gywir. Nid eich bai chi yw hyn. Rhowch gynnig arall arni nes ymlaen.",
    idConflict:
      "Mae'r ffurflen hon eisoes wedi cael ei defnyddio i anfon ateb gwahanol. Ewch yn ôl, ail-lwythwch y dudalen a rhowch gynnig arall arni.",
    tooLarge: "Mae eich ateb yn rhy hir i'w anfon. Byrhewch eich sylw a rhowch gynnig arall arni.",
    originNotAllowed: "Nid yw'r wefan hon yn cael anfon adborth yma. Nid eich bai chi yw hyn.",
    unavailable:
      'Nid oeddem yn gallu cadw eich ateb oherwydd problem ar ein hochr ni. Rhowch gynnig arall arni nes ymlaen.',
    tooManyRequests:
      "Mae gormod o atebion wedi'u hanfon o'ch cysylltiad. Arhoswch funud, yna rhowch gynnig arall arni.",
  },
  ur: {
    dir: 'rtl',
    thanksHeading: 'آپ کی رائے کا شکریہ',
    thanksBody: 'آپ کا جواب محفوظ کر لیا گیا ہے۔',
    backToPage: 'اُس صفحے پر واپس جائیں جس پر آپ تھے',
    errorPrefix: 'خرابی: ',
    problemHeading: 'ایک مسئلہ ہے',
    problemIntro: 'ہم آپ کا جواب محفوظ نہیں کر سکے:',
    tryAgain: 'واپس جائیں اور دوبارہ کوشش کریں',
    chooseUseful: 'یہ بتانے کے لیے کہ صفحہ مفید تھا یا نہیں، ہاں یا نہیں منتخب کریں۔',
    chooseRating: 'منتخب کریں کہ آپ کا تجربہ کتنا اچھا تھا۔',
    commentTooLong: `آپ کا تبصرہ ${commentLimit} حروف یا اس سے کم ہونا چاہیے۔`,
    reasonsInvalid: 'آپ کی منتخب کردہ وجوہات میں سے ایک پہچانی نہیں گئی۔',
    formBroken:
      'رائے کا فارم درست طریقے سے ترتیب نہیں دیا گیا۔ یہ آپ کی غلطی نہیں ہے۔ براہ کرم بعد میں دوبارہ کوشش کریں۔',
    idConflict:
      'یہ فارم پہلے ہی ایک مختلف جواب بھیجنے کے لیے استعمال ہو چکا ہے۔ واپس جائیں، صفحہ دوبارہ لوڈ کریں اور دوبارہ کوشش کریں۔',
    tooLarge: 'آپ کا جواب بھیجنے کے لیے بہت لمبا ہے۔ اپنا تبصرہ مختصر کریں اور دوبارہ کوشش کریں۔',
    originNotAllowed: 'اس ویب سائٹ کو یہاں رائے بھیجنے کی اجازت نہیں ہے۔ یہ آپ کی غلطی نہیں ہے۔',
    unavailable: 'ہماری طرف کے ایک مسئلے کی وجہ سے ہم آپ کا جواب محفوظ نہیں کر سکے۔ براہ کرم بعد میں دوبارہ کوشش کریں۔',
    tooManyRequests: 'آپ کے کنکشن سے بہت زیادہ جوابات بھیجے گئے ہیں۔ ایک منٹ انتظار کریں، پھر دوبارہ کوشش کریں۔',
  },
};

/**
 * Picks the page language from BCP 47 tags in order of preference (the form's `locale`,
 * then Accept-Language), matching on the primary subtag: `cy-GB` → Welsh.
 */
export function pickLanguage(...candidates: (string | undefined)[]): PageLanguage {
  for (const candidate of candidates) {
    if (!candidate) continue;
    for (const tag of candidate.split(',')) {
      const primary = tag.split(';')[0]?.trim().split('-')[0]?.toLowerCase();
      const match = PAGE_LANGUAGES.find((language) => language === primary);
      if (match) return match;
    }
  }
  return 'en';
}
