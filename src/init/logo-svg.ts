/**
 * The example deck's image: a small drawn logo (a stack of slides, the front one holding a
 * heading, two bullet lines and a two-box diagram). Plain SVG text, so it ships inside lib/
 * with the rest of the templates and stays sharp at any size.
 */
export const LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="180" viewBox="0 0 240 180" role="img" aria-labelledby="title">
  <title id="title">Deckhand: a stack of slides</title>
  <rect x="44" y="12" width="180" height="124" rx="12" fill="#c9d8f6"/>
  <rect x="30" y="26" width="180" height="124" rx="12" fill="#8fb1f2"/>
  <rect x="16" y="40" width="180" height="124" rx="12" fill="#ffffff" stroke="#0b2a4a" stroke-width="4"/>
  <rect x="34" y="58" width="104" height="14" rx="4" fill="#0b2a4a"/>
  <circle cx="40" cy="92" r="5" fill="#1d63ed"/>
  <rect x="52" y="87" width="74" height="10" rx="3" fill="#4a5568"/>
  <circle cx="40" cy="114" r="5" fill="#1d63ed"/>
  <rect x="52" y="109" width="58" height="10" rx="3" fill="#4a5568"/>
  <rect x="138" y="84" width="40" height="22" rx="5" fill="#e6eefc" stroke="#1d63ed" stroke-width="3"/>
  <rect x="138" y="128" width="40" height="22" rx="5" fill="#e6eefc" stroke="#1d63ed" stroke-width="3"/>
  <path d="M158 106 V122" stroke="#1d63ed" stroke-width="3"/>
  <path d="M152 119 L158 127 L164 119" fill="none" stroke="#1d63ed" stroke-width="3" stroke-linejoin="round"/>
</svg>
`;
