import sharp from 'sharp';

/**
 * A sample picture for the demo seed, drawn as SVG and encoded by sharp (a real JPEG, made by the
 * same library as every rendition). It says "CONTOH / SAMPLE" in the picture itself.
 */
export async function renderSampleImage(width = 1920, height = 1080): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 1920 1080" preserveAspectRatio="xMidYMid slice">
  <defs>
    <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#0b3d91"/><stop offset="0.6" stop-color="#1f7ac2"/><stop offset="1" stop-color="#f2a65a"/>
    </linearGradient>
  </defs>
  <rect width="1920" height="1080" fill="url(#sky)"/>
  <circle cx="1500" cy="330" r="150" fill="#ffd166"/>
  <path d="M0 820 L300 600 L560 760 L860 520 L1180 780 L1460 610 L1920 840 L1920 1080 L0 1080 Z" fill="#14532d"/>
  <path d="M0 930 C400 860 800 1000 1200 930 S1700 880 1920 940 L1920 1080 L0 1080 Z" fill="#0e7490"/>
  <text x="80" y="160" font-family="DejaVu Sans, sans-serif" font-size="96" font-weight="bold" fill="#ffffff">CONTOH · SAMPLE</text>
  <text x="80" y="240" font-family="DejaVu Sans, sans-serif" font-size="48" fill="#e2e8f0">Gambar contoh Baruga</text>
</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85, mozjpeg: true }).toBuffer();
}
