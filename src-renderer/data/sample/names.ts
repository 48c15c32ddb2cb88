/** Word lists for sample names: plausible, varied, and obviously not real companies or people. */
// prettier-ignore
export const COMPANY_WORDS = [
  'Alder',
  'Birch',
  'Cedar',
  'Delta',
  'Ember',
  'Fjord',
  'Granite',
  'Harbor',
  'Iris',
  'Juniper',
  'Kestrel',
  'Lumen',
  'Maple',
  'Nimbus',
  'Orchid',
  'Pioneer',
  'Quarry',
  'Ridge',
  'Summit',
  'Tundra',
  'Upland',
  'Valley',
  'Willow',
  'Yarrow',
  'Zephyr',
]
// prettier-ignore
export const COMPANY_KINDS = [
  'Hardware',
  'Builders',
  'Farm Supply',
  'Garden Center',
  'Outfitters',
  'Maintenance',
  'Contractors',
  'Home Store',
  'Facilities',
  'Workshop',
]
// prettier-ignore
export const FIRST_NAMES = [
  'Ana',
  'Ben',
  'Chloe',
  'Dev',
  'Elena',
  'Farid',
  'Grace',
  'Hiro',
  'Ines',
  'Jonas',
  'Kara',
  'Luis',
  'Mia',
  'Noah',
  'Olga',
  'Priya',
  'Quinn',
  'Rosa',
  'Sam',
  'Tomas',
]
// prettier-ignore
export const LAST_NAMES = [
  'Abe',
  'Berg',
  'Costa',
  'Diaz',
  'Eriksen',
  'Fischer',
  'Gupta',
  'Haddad',
  'Ito',
  'Jensen',
  'Kowal',
  'Lopez',
  'Moreau',
  'Novak',
  'Okafor',
  'Park',
  'Rossi',
  'Silva',
  'Tanaka',
  'Weber',
]
// prettier-ignore
export const JOB_TITLES = ['Buyer', 'Owner', 'Store Manager', 'Accounts Payable', 'Site Manager']
// prettier-ignore
export const CITIES: ReadonlyArray<readonly [string, string, string]> = [
  ['Portland', 'OR', 'US'],
  ['Boise', 'ID', 'US'],
  ['Spokane', 'WA', 'US'],
  ['Eugene', 'OR', 'US'],
  ['Tacoma', 'WA', 'US'],
  ['Reno', 'NV', 'US'],
  ['Salem', 'OR', 'US'],
  ['Bend', 'OR', 'US'],
]
// prettier-ignore
export const EU_CITIES: ReadonlyArray<readonly [string, string, string]> = [
  ['Lyon', 'Rhône', 'FR'],
  ['Porto', 'Porto', 'PT'],
  ['Graz', 'Styria', 'AT'],
  ['Ghent', 'Flanders', 'BE'],
]
// prettier-ignore
export const STREETS = ['Main St', 'Oak Ave', 'Mill Rd', 'River Dr', 'Station Way', 'Quarry Ln']
// prettier-ignore
export const PRODUCT_ADJECTIVES = [
  'Heavy-duty',
  'Compact',
  'Galvanized',
  'Stainless',
  'Cordless',
  'Insulated',
  'Weatherproof',
  'Industrial',
  'Premium',
  'Economy',
]
/**
 * Product nouns; the noun at index n is sold in unit group n % 5 (catalog-data.ts GROUPS): each and box, each
 * and case, meter and roll, kilogram and sack, hour and day. So hoses go by the meter and services by the hour.
 */
export const PRODUCT_NOUNS = [
  'Hinge',
  'Bracket',
  'Garden Hose',
  'Grout',
  'Installation',
  'Padlock',
  'Work Light',
  'Chain',
  'Concrete Mix',
  'Repair Visit',
  'Wheelbarrow',
  'Cable Tie',
  'Rope',
  'Sealant',
  'Site Survey',
  'Shovel',
  'Rake',
  'Extension Cord',
  'Gravel',
  'Maintenance',
]
/** What a service (sold by the hour) is called instead of a product adjective. */
export const SERVICE_LEVELS = [
  'Standard',
  'Express',
  'Weekend',
  'After-hours',
  'On-site',
  'Remote',
  'Priority',
  'Basic',
  'Extended',
  'Emergency',
]
