/**
 * decodeEntities is the one HTML entity decoder, for Outlook invitation bodies and for Teams
 * message text (mentions): what either needs decoded, and what must stay as written.
 */
import { decodeEntities } from '../../../bot/src/core/html-lines';

describe('decodeEntities', () => {
  it.each<[string, string]>([
    // named: the six Teams writes, in any case
    ['a &amp; b', 'a & b'],
    ['&lt;&gt;&quot;&apos;&#39;', '<>"\'\''],
    ['a&nbsp;b', 'a b'],
    ['&NBSP;&AMP;&Lt;', ' &<'],
    // named: what Outlook writes in Swedish invitations, case as in HTML
    ['&aring;&auml;&ouml; &Aring;&Auml;&Ouml;', 'åäö ÅÄÖ'],
    ['&eacute;&uuml; &sect; 3 &ndash; &mdash; &bull; &hellip;', 'éü § 3 – — • …'],
    ['&lsquo;a&rsquo; &ldquo;b&rdquo;', '‘a’ “b”'],
    // numeric: decimal and hex, either case of x, leading zeros
    ['&#228;&#xE4;&#Xe4;&#x00E4;&#0000228;', 'äääää'],
    ['&#128512; &#x1F600;', '😀 😀'],
    ['&#10;', '\n'],
    // one pass: what a decoded entity spells is not decoded again
    ['a &amp;amp; b', 'a &amp; b'],
    ['&amp;lt;at&amp;gt;', '&lt;at&gt;'],
    // left as written
    ['&unknown; &ARING; &#0; &#xZZ; &#xD800; &#x110000; &#99999999999999999999;', '&unknown; &ARING; &#0; &#xZZ; &#xD800; &#x110000; &#99999999999999999999;'],
    ['&constructor; &toString; &__proto__;', '&constructor; &toString; &__proto__;'],
    ['&amp without semicolon', '&amp without semicolon'],
    ['& ; &; &#; &#x;', '& ; &; &#; &#x;'],
    ['', ''],
  ])('%j → %j', (text, expected) => {
    expect(decodeEntities(text)).toBe(expected);
  });
});
