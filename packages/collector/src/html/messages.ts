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
  /** Priority ranking form: rank mode with a box left empty. */
  rankEveryOption: string;
  /** Rank or top: a number that is not a whole number from 1, or one used twice. */
  rankNumbersInvalid: string;
  /** Top mode with nothing chosen. */
  chooseTop: string;
  /** Top mode with more chosen than allowed. */
  tooManyChosen: string;
  /** Points mode: a box that is not a whole number. */
  pointsInvalid: string;
  pointsOverBudget: string;
  pointsNotAllSpent: string;
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
    rankEveryOption: 'Give every option a number, starting from 1 for the most important.',
    rankNumbersInvalid: 'Use whole numbers starting from 1, and each number only once.',
    chooseTop: 'Choose at least one option by giving it a number.',
    tooManyChosen: 'You chose too many options. Choose fewer and try again.',
    pointsInvalid: 'Give each option a whole number of points, 0 or more.',
    pointsOverBudget: 'You gave out more points than you have. Take some away and try again.',
    pointsNotAllSpent: 'Share out all of your points, then try again.',
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
    rankEveryOption: "Rhowch rif i bob opsiwn, gan ddechrau gydag 1 i'r pwysicaf.",
    rankNumbersInvalid: 'Defnyddiwch rifau cyfan o 1 ymlaen, a phob rhif unwaith yn unig.',
    chooseTop: 'Dewiswch o leiaf un opsiwn drwy roi rhif iddo.',
    tooManyChosen: 'Rydych wedi dewis gormod o opsiynau. Dewiswch lai a rhowch gynnig arall arni.',
    pointsInvalid: 'Rhowch rif cyfan o bwyntiau i bob opsiwn, 0 neu fwy.',
    pointsOverBudget:
      'Rydych wedi rhoi mwy o bwyntiau nag sydd gennych. Tynnwch rai i ffwrdd a rhowch gynnig arall arni.',
    pointsNotAllSpent: 'Rhannwch eich holl bwyntiau, yna rhowch gynnig arall arni.',
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
    rankEveryOption: 'ہر آپشن کو ایک نمبر دیں، سب سے اہم کے لیے 1 سے شروع کریں۔',
    rankNumbersInvalid: '1 سے شروع ہونے والے پورے نمبر استعمال کریں، اور ہر نمبر صرف ایک بار۔',
    chooseTop: 'کم از کم ایک آپشن کو نمبر دے کر منتخب کریں۔',
    tooManyChosen: 'آپ نے بہت زیادہ آپشن منتخب کیے ہیں۔ کم منتخب کریں اور دوبارہ کوشش کریں۔',
    pointsInvalid: 'ہر آپشن کو پوائنٹس کا پورا نمبر دیں، 0 یا اس سے زیادہ۔',
    pointsOverBudget: 'آپ نے اپنے پوائنٹس سے زیادہ دے دیے ہیں۔ کچھ کم کریں اور دوبارہ کوشش کریں۔',
    pointsNotAllSpent: 'اپنے تمام پوائنٹس بانٹ دیں، پھر دوبارہ کوشش کریں۔',
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
