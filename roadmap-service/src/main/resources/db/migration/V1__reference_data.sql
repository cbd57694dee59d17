-- Reference data: the 23 reporting units and the five preparation groups (DOMAIN.md, CONTRACT.md).
-- Roadmap documents are validated against these codes; GET /api/v1/regions and /api/v1/groups read them.

create table region (
    code     text primary key,
    ordinal  integer not null unique,
    name_fi  text not null,
    name_sv  text not null,
    kind     text not null check (kind in ('WELLBEING_SERVICES_COUNTY', 'CITY', 'HOSPITAL_DISTRICT')),
    uusimaa  boolean not null
);

insert into region (code, ordinal, name_fi, name_sv, kind, uusimaa) values
    ('etela-karjala',      1, 'Etelä-Karjala',      'Södra Karelen',          'WELLBEING_SERVICES_COUNTY', false),
    ('etela-pohjanmaa',    2, 'Etelä-Pohjanmaa',    'Södra Österbotten',      'WELLBEING_SERVICES_COUNTY', false),
    ('etela-savo',         3, 'Etelä-Savo',         'Södra Savolax',          'WELLBEING_SERVICES_COUNTY', false),
    ('helsinki',           4, 'Helsinki',           'Helsingfors',            'CITY',                      true),
    ('hus',                5, 'HUS',                'HUS-sammanslutningen',   'HOSPITAL_DISTRICT',         true),
    ('ita-uusimaa',        6, 'Itä-Uusimaa',        'Östra Nyland',           'WELLBEING_SERVICES_COUNTY', true),
    ('kainuu',             7, 'Kainuu',             'Kajanaland',             'WELLBEING_SERVICES_COUNTY', false),
    ('kanta-hame',         8, 'Kanta-Häme',         'Egentliga Tavastland',   'WELLBEING_SERVICES_COUNTY', false),
    ('keski-pohjanmaa',    9, 'Keski-Pohjanmaa',    'Mellersta Österbotten',  'WELLBEING_SERVICES_COUNTY', false),
    ('keski-suomi',       10, 'Keski-Suomi',        'Mellersta Finland',      'WELLBEING_SERVICES_COUNTY', false),
    ('keski-uusimaa',     11, 'Keski-Uusimaa',      'Mellersta Nyland',       'WELLBEING_SERVICES_COUNTY', true),
    ('kymenlaakso',       12, 'Kymenlaakso',        'Kymmenedalen',           'WELLBEING_SERVICES_COUNTY', false),
    ('lappi',             13, 'Lappi',              'Lappland',               'WELLBEING_SERVICES_COUNTY', false),
    ('lansi-uusimaa',     14, 'Länsi-Uusimaa',      'Västra Nyland',          'WELLBEING_SERVICES_COUNTY', true),
    ('pirkanmaa',         15, 'Pirkanmaa',          'Birkaland',              'WELLBEING_SERVICES_COUNTY', false),
    ('pohjanmaa',         16, 'Pohjanmaa',          'Österbotten',            'WELLBEING_SERVICES_COUNTY', false),
    ('pohjois-karjala',   17, 'Pohjois-Karjala',    'Norra Karelen',          'WELLBEING_SERVICES_COUNTY', false),
    ('pohjois-pohjanmaa', 18, 'Pohjois-Pohjanmaa',  'Norra Österbotten',      'WELLBEING_SERVICES_COUNTY', false),
    ('pohjois-savo',      19, 'Pohjois-Savo',       'Norra Savolax',          'WELLBEING_SERVICES_COUNTY', false),
    ('paijat-hame',       20, 'Päijät-Häme',        'Päijänne-Tavastland',    'WELLBEING_SERVICES_COUNTY', false),
    ('satakunta',         21, 'Satakunta',          'Satakunta',              'WELLBEING_SERVICES_COUNTY', false),
    ('vantaa-kerava',     22, 'Vantaa-Kerava',      'Vanda-Kervo',            'WELLBEING_SERVICES_COUNTY', true),
    ('varsinais-suomi',   23, 'Varsinais-Suomi',    'Egentliga Finland',      'WELLBEING_SERVICES_COUNTY', false);

create table preparation_group (
    code     text primary key,
    ordinal  integer not null unique,
    name_fi  text not null,
    name_sv  text,
    name_en  text
);

insert into preparation_group (code, ordinal, name_fi, name_sv, name_en) values
    ('HTT', 1, 'Hallinto, talous ja tukipalvelut', 'Förvaltning, ekonomi och stödtjänster', 'Administration, finance and support services'),
    ('JO',  2, 'Johtaminen ja osaaminen',          'Ledning och kompetens',                 'Leadership and competence'),
    ('PJ',  3, 'Palveluiden järjestäminen',        'Ordnandet av tjänster',                 'Organising services'),
    ('YP',  4, 'Yhdyspinnat',                      'Gränsytor',                             'Interfaces'),
    ('ICT', 5, 'ICT',                              'IKT',                                   'ICT');
