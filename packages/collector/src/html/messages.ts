import { LIMITS, type Effort, type FftRating } from '@participate/schema';

/** Languages the fallback pages are written in. Welsh and Urdu wording wants a translator's review. */
export const PAGE_LANGUAGES = ['en', 'cy', 'ur'] as const;
export type PageLanguage = (typeof PAGE_LANGUAGES)[number];

export interface PageMessages {
  dir: 'ltr' | 'rtl';
  /** Thank-you heading after a feedback prompt form, worded as the widget words it. */
  thanksHeading: string;
  /** Thank-you heading after a priority ranking form, worded as the widget words it. */
  rankingThanksHeading: string;
  /** Thank-you heading after a fruit tree form: the widget's `fruitTree.thanksHeading`. */
  fruitTreeThanksHeading: string;
  thanksBody: string;
  backToPage: string;
  errorPrefix: string;
  problemHeading: string;
  problemIntro: string;
  /** The way back that keeps what was typed: the browser's Back button. */
  useBackButton: string;
  /** A link to the form's page, which opens it empty: it must not promise the answers are there. */
  startAgain: string;
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
  /** Fruit tree form: no way to be involved ticked. */
  chooseFruit: string;
  /** Fruit tree form: contact details given without a name. */
  contactNameMissing: string;
  contactNameTooLong: string;
  /** Contact details given with neither an email address nor a phone number. */
  contactReachMissing: string;
  /** An email address not in the schema's format (EMAIL_PATTERN), or too long. */
  contactEmailInvalid: string;
  /** A phone number not in the schema's format (PHONE_PATTERN), or too long. */
  contactPhoneInvalid: string;
  /** Contact details given without the consent box ticked. */
  contactConsentMissing: string;
  idConflict: string;
  tooLarge: string;
  originNotAllowed: string;
  unavailable: string;
  tooManyRequests: string;
}

export type ProblemKey = Exclude<
  keyof PageMessages,
  | 'dir'
  | 'thanksHeading'
  | 'rankingThanksHeading'
  | 'fruitTreeThanksHeading'
  | 'thanksBody'
  | 'backToPage'
  | 'errorPrefix'
  | 'problemHeading'
  | 'problemIntro'
  | 'useBackButton'
  | 'startAgain'
>;

const commentLimit = LIMITS.commentLength.toLocaleString('en-GB');
const nameLimit = LIMITS.nameLength.toLocaleString('en-GB');

export const MESSAGES: Record<PageLanguage, PageMessages> = {
  en: {
    dir: 'ltr',
    thanksHeading: 'Thank you for your feedback',
    rankingThanksHeading: 'Thank you for your answer',
    fruitTreeThanksHeading: 'Thank you for choosing how to be involved',
    thanksBody: 'Your answer has been saved.',
    backToPage: 'Go back to the page you were on',
    errorPrefix: 'Error: ',
    problemHeading: 'There is a problem',
    problemIntro: 'We could not save your answer:',
    useBackButton:
      "Use your browser's Back button to return to the form. Your answers will still be in it, so you can change them and send them again.",
    startAgain: 'Start again on the page you came from',
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
    chooseFruit: 'Choose at least one way to be involved.',
    contactNameMissing:
      'Enter your full name, or leave all the contact details empty if you do not want us to contact you.',
    contactNameTooLong: `Your name must be ${nameLimit} characters or fewer.`,
    contactReachMissing:
      'Enter an email address or a phone number, or leave all the contact details empty if you do not want us to contact you.',
    contactEmailInvalid: 'Enter an email address in the correct format, like name@example.com.',
    contactPhoneInvalid: 'Enter a phone number, like 01632 960 001 or +44 808 157 0192.',
    contactConsentMissing:
      'Select the box to agree that we can keep your details to contact you, or leave all the contact details empty.',
    idConflict: 'This form has already been used to send a different answer. Go back, reload the page and try again.',
    tooLarge: 'Your answer is too long to send. Shorten your comment and try again.',
    originNotAllowed: 'This website is not allowed to send feedback here. This is not your fault.',
    unavailable: 'We could not save your answer because of a problem on our side. Please try again later.',
    tooManyRequests: 'Too many answers have been sent from your connection. Wait a minute, then try again.',
  },
  cy: {
    dir: 'ltr',
    thanksHeading: 'Diolch am eich adborth',
    rankingThanksHeading: 'Diolch am eich ateb',
    fruitTreeThanksHeading: 'Diolch am ddewis sut i gymryd rhan',
    thanksBody: "Mae eich ateb wedi'i gadw.",
    backToPage: "Ewch yn ôl i'r dudalen yr oeddech arni",
    errorPrefix: 'Gwall: ',
    problemHeading: 'Mae problem wedi codi',
    problemIntro: 'Nid oeddem yn gallu cadw eich ateb:',
    useBackButton:
      "Defnyddiwch fotwm Yn Ôl eich porwr i fynd yn ôl i'r ffurflen. Bydd eich atebion ynddi o hyd, felly gallwch eu newid a'u hanfon eto.",
    startAgain: 'Dechreuwch eto ar y dudalen yr oeddech arni',
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
    chooseFruit: 'Dewiswch o leiaf un ffordd o gymryd rhan.',
    contactNameMissing:
      'Rhowch eich enw llawn, neu gadewch y manylion cyswllt i gyd yn wag os nad ydych am i ni gysylltu â chi.',
    contactNameTooLong: `Rhaid i'ch enw fod yn ${nameLimit} nod neu lai.`,
    contactReachMissing:
      'Rhowch gyfeiriad e-bost neu rif ffôn, neu gadewch y manylion cyswllt i gyd yn wag os nad ydych am i ni gysylltu â chi.',
    contactEmailInvalid: 'Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@enghraifft.com.',
    contactPhoneInvalid: 'Rhowch rif ffôn, fel 01632 960 001 neu +44 808 157 0192.',
    contactConsentMissing:
      'Dewiswch y blwch i gytuno y gallwn gadw eich manylion i gysylltu â chi, neu gadewch y manylion cyswllt i gyd yn wag.',
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
    rankingThanksHeading: 'آپ کے جواب کا شکریہ',
    fruitTreeThanksHeading: 'یہ چننے کا شکریہ کہ آپ کس طرح شامل ہونا چاہتے ہیں',
    thanksBody: 'آپ کا جواب محفوظ کر لیا گیا ہے۔',
    backToPage: 'اُس صفحے پر واپس جائیں جس پر آپ تھے',
    errorPrefix: 'خرابی: ',
    problemHeading: 'ایک مسئلہ ہے',
    problemIntro: 'ہم آپ کا جواب محفوظ نہیں کر سکے:',
    useBackButton:
      'فارم پر واپس جانے کے لیے اپنے براؤزر کا بیک (Back) بٹن استعمال کریں۔ آپ کے جوابات اس میں اب بھی موجود ہوں گے، اس لیے آپ انہیں تبدیل کر کے دوبارہ بھیج سکتے ہیں۔',
    startAgain: 'جس صفحے سے آپ آئے تھے، اس پر دوبارہ شروع کریں',
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
    chooseFruit: 'شامل ہونے کا کم از کم ایک طریقہ چنیں۔',
    contactNameMissing:
      'اپنا پورا نام لکھیں، یا اگر آپ نہیں چاہتے کہ ہم آپ سے رابطہ کریں تو رابطے کی تمام تفصیلات خالی چھوڑ دیں۔',
    contactNameTooLong: `آپ کا نام ${nameLimit} حروف یا اس سے کم ہونا چاہیے۔`,
    contactReachMissing:
      'ای میل ایڈریس یا فون نمبر لکھیں، یا اگر آپ نہیں چاہتے کہ ہم آپ سے رابطہ کریں تو رابطے کی تمام تفصیلات خالی چھوڑ دیں۔',
    // Left-to-right examples are isolated (U+2066 … U+2069) so they read in order in right-to-left text.
    contactEmailInvalid: 'ای میل ایڈریس درست طریقے سے لکھیں، جیسے \u2066name@example.com\u2069۔',
    contactPhoneInvalid: 'فون نمبر لکھیں، جیسے \u206601632 960 001\u2069 یا \u2066+44 808 157 0192\u2069۔',
    contactConsentMissing:
      'اس بات سے اتفاق کے لیے خانہ منتخب کریں کہ ہم آپ سے رابطہ کرنے کے لیے آپ کی تفصیلات رکھ سکتے ہیں، یا رابطے کی تمام تفصیلات خالی چھوڑ دیں۔',
    idConflict:
      'یہ فارم پہلے ہی ایک مختلف جواب بھیجنے کے لیے استعمال ہو چکا ہے۔ واپس جائیں، صفحہ دوبارہ لوڈ کریں اور دوبارہ کوشش کریں۔',
    tooLarge: 'آپ کا جواب بھیجنے کے لیے بہت لمبا ہے۔ اپنا تبصرہ مختصر کریں اور دوبارہ کوشش کریں۔',
    originNotAllowed: 'اس ویب سائٹ کو یہاں رائے بھیجنے کی اجازت نہیں ہے۔ یہ آپ کی غلطی نہیں ہے۔',
    unavailable: 'ہماری طرف کے ایک مسئلے کی وجہ سے ہم آپ کا جواب محفوظ نہیں کر سکے۔ براہ کرم بعد میں دوبارہ کوشش کریں۔',
    tooManyRequests: 'آپ کے کنکشن سے بہت زیادہ جوابات بھیجے گئے ہیں۔ ایک منٹ انتظار کریں، پھر دوبارہ کوشش کریں۔',
  },
};

/**
 * Words for "What you entered" on the error page, which shows a person their answers back.
 * The question wording and answer labels follow the widgets' own (packages/elements locales).
 */
export interface EnteredMessages {
  heading: string;
  intro: string;
  usefulQuestion: string;
  useful: Record<'yes' | 'no', string>;
  ratingQuestion: string;
  ratings: Record<FftRating, string>;
  reasons: string;
  comment: string;
  /** The choice the form asks for was not made. */
  notAnswered: string;
  rankIntro: string;
  pointsIntro: string;
  /** A ranking box, or a fruit tree contact box, the person left empty. */
  leftEmpty: string;
  /** Fruit tree: introduces the fruits ticked, listed under their branch's value. */
  chosenIntro: string;
  /** Fruit tree: the time each fruit takes, as the widget labels it (`fruitTree.effort.label`). */
  efforts: Record<Effort, string>;
  /** Fruit tree: where ticked boxes whose value names no branch are listed. */
  otherChoices: string;
  /** Fruit tree: introduces the contact details typed, with the widget's labels (`fruitTree.contact`). */
  contactIntro: string;
  name: string;
  email: string;
  phone: string;
  /** The consent box's label, as the widget words it (`fruitTree.contact.consent`). */
  consent: string;
  consentSelected: string;
  consentNotSelected: string;
}

export const ENTERED_MESSAGES: Record<PageLanguage, EnteredMessages> = {
  en: {
    heading: 'What you entered',
    intro: 'Here is a copy of what you entered, so you do not lose it.',
    usefulQuestion: 'Is this page useful?',
    useful: { yes: 'Yes', no: 'No' },
    ratingQuestion: 'Overall, how was your experience of our service?',
    ratings: {
      'very-good': 'Very good',
      good: 'Good',
      neither: 'Neither good nor poor',
      poor: 'Poor',
      'very-poor': 'Very poor',
      'dont-know': "Don't know",
    },
    reasons: 'What went wrong?',
    comment: 'Your comment',
    notAnswered: 'Not answered',
    rankIntro: 'The number you gave each option:',
    pointsIntro: 'The points you gave each option:',
    leftEmpty: 'Left empty',
    chosenIntro: 'The ways to be involved you chose, by branch:',
    efforts: {
      once: 'Once, a few minutes',
      regular: 'Now and then, a few hours a month',
      ongoing: 'An ongoing role',
    },
    otherChoices: 'Other choices',
    contactIntro: 'Your contact details:',
    name: 'Full name',
    email: 'Email address',
    phone: 'Phone number',
    consent: 'I agree that you can keep these details to contact me about the ways I have chosen to be involved',
    consentSelected: 'Selected',
    consentNotSelected: 'Not selected',
  },
  cy: {
    heading: 'Yr hyn a nodoch',
    intro: "Dyma gopi o'r hyn a nodoch, fel nad ydych yn ei golli.",
    usefulQuestion: "Ydy'r dudalen hon yn ddefnyddiol?",
    useful: { yes: 'Ydy', no: 'Nac ydy' },
    ratingQuestion: "Ar y cyfan, sut oedd eich profiad o'n gwasanaeth?",
    ratings: {
      'very-good': 'Da iawn',
      good: 'Da',
      neither: 'Ddim yn dda nac yn wael',
      poor: 'Gwael',
      'very-poor': 'Gwael iawn',
      'dont-know': 'Ddim yn gwybod',
    },
    reasons: "Beth aeth o'i le?",
    comment: 'Eich sylw',
    notAnswered: 'Heb ei ateb',
    rankIntro: 'Y rhif a roesoch i bob opsiwn:',
    pointsIntro: 'Y pwyntiau a roesoch i bob opsiwn:',
    leftEmpty: "Wedi'i adael yn wag",
    chosenIntro: 'Y ffyrdd o gymryd rhan a ddewisoch, fesul cangen:',
    efforts: {
      once: 'Unwaith, ychydig funudau',
      regular: "Bob hyn a hyn, ychydig oriau'r mis",
      ongoing: 'Rôl barhaus',
    },
    otherChoices: 'Dewisiadau eraill',
    contactIntro: 'Eich manylion cyswllt:',
    name: 'Enw llawn',
    email: 'Cyfeiriad e-bost',
    phone: 'Rhif ffôn',
    consent:
      "Rwy'n cytuno y gallwch gadw'r manylion hyn er mwyn cysylltu â mi ynghylch y ffyrdd o gymryd rhan rydw i wedi'u dewis",
    consentSelected: "Wedi'i ddewis",
    consentNotSelected: 'Heb ei ddewis',
  },
  ur: {
    heading: 'آپ کے درج کردہ جوابات',
    intro: 'یہ آپ کے درج کردہ جوابات کی نقل ہے، تاکہ وہ ضائع نہ ہوں۔',
    usefulQuestion: 'کیا یہ صفحہ مفید ہے؟',
    useful: { yes: 'جی ہاں', no: 'جی نہیں' },
    ratingQuestion: 'مجموعی طور پر، ہماری سروس کے ساتھ آپ کا تجربہ کیسا رہا؟',
    ratings: {
      'very-good': 'بہت اچھا',
      good: 'اچھا',
      neither: 'نہ اچھا نہ خراب',
      poor: 'خراب',
      'very-poor': 'بہت خراب',
      'dont-know': 'معلوم نہیں',
    },
    reasons: 'کیا مسئلہ تھا؟',
    comment: 'آپ کا تبصرہ',
    notAnswered: 'جواب نہیں دیا گیا',
    rankIntro: 'ہر آپشن کو آپ کا دیا ہوا نمبر:',
    pointsIntro: 'ہر آپشن کو آپ کے دیے ہوئے پوائنٹس:',
    leftEmpty: 'خالی چھوڑ دیا گیا',
    chosenIntro: 'شامل ہونے کے وہ طریقے جو آپ نے چنے، شاخ وار:',
    efforts: {
      once: 'ایک بار، چند منٹ',
      regular: 'کبھی کبھار، مہینے میں چند گھنٹے',
      ongoing: 'جاری رہنے والا کردار',
    },
    otherChoices: 'دیگر انتخاب',
    contactIntro: 'آپ کی رابطے کی تفصیلات:',
    name: 'پورا نام',
    email: 'ای میل ایڈریس',
    phone: 'فون نمبر',
    consent:
      'مجھے منظور ہے کہ شامل ہونے کے جو طریقے میں نے چنے ہیں، ان کے بارے میں مجھ سے رابطہ کرنے کے لیے آپ یہ تفصیلات رکھ سکتے ہیں',
    consentSelected: 'منتخب',
    consentNotSelected: 'منتخب نہیں',
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
